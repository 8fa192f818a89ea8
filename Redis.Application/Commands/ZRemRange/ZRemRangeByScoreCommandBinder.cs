using Redis.Application.Commands.ZRange;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRemRange;

internal sealed class ZRemRangeByScoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zremrangebyscore", 4, ["write"], 1, 1, 1)
    {
        Doc = new("key min max", "Remove all members in a sorted set within the given scores", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var min = args.NextSpan();
        return ZScoreRange.TryParse(min, args.NextSpan(), out var range)
            ? new BindResult(new ZRemRangeCommand(args.Keyspace, key, ZRangeKind.Score, 0, 0, range, default))
            : Errors.ZMinMaxNotFloat;
    }
}
