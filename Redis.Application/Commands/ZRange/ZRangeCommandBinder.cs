using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRangeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrange", -4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]", "Return a range of members in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: false, kind: null, reverse: null);
}
