using Redis.Application.Routing;

namespace Redis.Application.Commands.ZCard;

internal sealed class ZCardCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zcard", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the number of members in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new ZCardCommand(args.Keyspace, args.NextMemory()));
}
