using Redis.Application.Routing;

namespace Redis.Application.Commands.SCard;

internal sealed class SCardCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("scard", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the number of members in a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SCardCommand(args.Keyspace, args.NextMemory()));
}
