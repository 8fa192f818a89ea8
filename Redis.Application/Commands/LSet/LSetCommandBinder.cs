using Redis.Application.Routing;

namespace Redis.Application.Commands.LSet;

internal sealed class LSetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lset", 4, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key index element", "Set the value of an element in a list by its index", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        long? index = args.TryNextInt64(out var parsed) ? parsed : null;
        return new(new LSetCommand(args.Keyspace, key, index, args.NextBytes()));
    }
}
