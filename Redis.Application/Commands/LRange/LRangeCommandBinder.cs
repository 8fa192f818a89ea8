using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LRange;

/// <remarks>The indexes are parsed before the key is looked up, as Redis's <c>lrangeCommand</c> does.</remarks>
internal sealed class LRangeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lrange", 4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key start stop", "Get a range of elements from a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt64(out var start) && args.TryNextInt64(out var stop)
            ? new BindResult(new LRangeCommand(args.Keyspace, key, start, stop))
            : Errors.NotAnInteger;
    }
}
