using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LRem;

/// <remarks>The count is parsed before the key is looked up, as Redis's <c>lremCommand</c> does.</remarks>
internal sealed class LRemCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lrem", 4, ["write"], 1, 1, 1)
    {
        Doc = new("key count element", "Remove elements from a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt64(out var count)
            ? new BindResult(new LRemCommand(args.Keyspace, key, count, args.NextMemory()))
            : Errors.NotAnInteger;
    }
}
