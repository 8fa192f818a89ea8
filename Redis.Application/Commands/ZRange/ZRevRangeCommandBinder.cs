using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRevRangeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrevrange", -4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key start stop [WITHSCORES]", "Return a range of members in a sorted set, by index, with scores ordered from high to low", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: false, kind: ZRangeKind.Rank, reverse: true);
}
