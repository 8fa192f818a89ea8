using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ZPop;

internal sealed class ZPopMinCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zpopmin", -2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key [count]", "Remove and return members with the lowest scores in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args, max: false);

    /// <summary>Redis's <c>zpopMinMaxCommand</c>: at most one count, a non-negative integer.</summary>
    internal static BindResult Parse(ref ArgCursor args, bool max)
    {
        if (args.Remaining > 2)
        {
            return Errors.Syntax;
        }

        var key = args.NextMemory();
        long count = -1;
        if (args.HasMore && (!args.TryNextInt64(out count) || count < 0))
        {
            return Errors.MustBePositive;
        }

        return new(new ZPopCommand(args.Keyspace, [key], max, count, Multi: false, args.Session.Protocol == RespVersion.Resp3));
    }
}
