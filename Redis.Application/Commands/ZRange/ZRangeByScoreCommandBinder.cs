using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRangeByScoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrangebyscore", -4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key min max [WITHSCORES] [LIMIT offset count]", "Return a range of members in a sorted set, by score", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: false, kind: ZRangeKind.Score, reverse: false);
}
