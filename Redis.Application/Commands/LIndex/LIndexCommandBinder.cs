using Redis.Application.Routing;

namespace Redis.Application.Commands.LIndex;

internal sealed class LIndexCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lindex", 3, ["readonly"], 1, 1, 1)
    {
        Doc = new("key index", "Get an element from a list by its index", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new LIndexCommand(args.Keyspace, key, args.TryNextInt64(out var index) ? index : null));
    }
}
