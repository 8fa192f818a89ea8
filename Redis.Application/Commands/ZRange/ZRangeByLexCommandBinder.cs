using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRangeByLexCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrangebylex", -4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key min max [LIMIT offset count]", "Return a range of members in a sorted set, by lexicographical range", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: false, kind: ZRangeKind.Lex, reverse: false);
}
