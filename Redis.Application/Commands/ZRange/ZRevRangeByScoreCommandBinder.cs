using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRevRangeByScoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrevrangebyscore", -4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key max min [WITHSCORES] [LIMIT offset count]", "Return a range of members in a sorted set, by score, with scores ordered from high to low", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: false, kind: ZRangeKind.Score, reverse: true);
}
