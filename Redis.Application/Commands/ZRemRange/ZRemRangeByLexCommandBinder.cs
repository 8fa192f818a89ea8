using Redis.Application.Commands.ZRange;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRemRange;

internal sealed class ZRemRangeByLexCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zremrangebylex", 4, ["write"], 1, 1, 1)
    {
        Doc = new("key min max", "Remove all members in a sorted set between the given lexicographical range", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var min = args.NextMemory();
        return ZLexRange.TryParse(min, args.NextMemory(), out var range)
            ? new BindResult(new ZRemRangeCommand(args.Keyspace, key, ZRangeKind.Lex, 0, 0, default, range))
            : Errors.ZMinMaxNotLex;
    }
}
