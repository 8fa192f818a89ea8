using Redis.Application.Commands.ZRange;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRemRange;

internal sealed class ZRemRangeByRankCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zremrangebyrank", 4, ["write"], 1, 1, 1)
    {
        Doc = new("key start stop", "Remove all members in a sorted set within the given indexes", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.TryNextInt64(out var start) || !args.TryNextInt64(out var end))
        {
            return Errors.NotAnInteger;
        }

        return new(new ZRemRangeCommand(args.Keyspace, key, ZRangeKind.Rank, start, end, default, default));
    }
}
