using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ZLexCount;

internal sealed class ZLexCountCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zlexcount", 4, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key min max", "Count the number of members in a sorted set between a given lexicographical range", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var min = args.NextMemory();
        return ZLexRange.TryParse(min, args.NextMemory(), out var range)
            ? new BindResult(new ZLexCountCommand(args.Keyspace, key, range))
            : Errors.ZMinMaxNotLex;
    }
}
