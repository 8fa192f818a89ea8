using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRange;

internal sealed class ZRevRangeByLexCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrevrangebylex", -4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key max min [LIMIT offset count]", "Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRangeParser.Parse(ref args, store: false, kind: ZRangeKind.Lex, reverse: true);
}
