using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ZCount;

internal sealed class ZCountCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zcount", 4, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key min max", "Count the members in a sorted set with scores within the given values", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var min = args.NextSpan();
        return ZScoreRange.TryParse(min, args.NextSpan(), out var range)
            ? new BindResult(new ZCountCommand(args.Keyspace, key, range))
            : Errors.ZMinMaxNotFloat;
    }
}
