using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRangeStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrangestore", -5, ["write", "denyoom"], 1, 2, 1)
    {
        Doc = new("dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]", "Store a range of members from sorted set into another key", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: true, kind: null, reverse: null);
}
