using Redis.Application.Routing;

namespace Redis.Application.Commands.HLen;

internal sealed class HLenCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hlen", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the number of fields in a hash", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new HLenCommand(args.Keyspace, args.NextMemory()));
}
