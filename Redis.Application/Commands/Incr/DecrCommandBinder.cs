using Redis.Application.Routing;

namespace Redis.Application.Commands.Incr;

internal sealed class DecrCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("decr", 2, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Decrement the integer value of a key by one", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new IncrCommand(args.Keyspace, args.NextMemory(), -1));
}
