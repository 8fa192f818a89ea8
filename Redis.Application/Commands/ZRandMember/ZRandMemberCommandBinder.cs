using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRandMember;

/// <remarks>Redis's <c>zrandmemberCommand</c>: the count first, then the option, then the doubled count's range.</remarks>
internal sealed class ZRandMemberCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrandmember", -2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key [count [WITHSCORES]]", "Get one or multiple random elements from a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var resp3 = args.Session.Protocol == RespVersion.Resp3;
        if (!args.HasMore)
        {
            return new(new ZRandMemberCommand(args.Keyspace, key, null, false, resp3));
        }

        if (!args.TryNextInt64(out var count))
        {
            return Errors.NotAnInteger;
        }

        if (count == long.MinValue)
        {
            return Errors.ZRandMemberCountOutOfRange;
        }

        if (args.Remaining > 1 || (args.HasMore && !args.PeekIs("WITHSCORES"u8)))
        {
            return Errors.Syntax;
        }

        var withScores = args.HasMore;
        if (withScores && (count < -(long.MaxValue / 2) || count > long.MaxValue / 2))
        {
            return Errors.ZValueOutOfRange;
        }

        return new(new ZRandMemberCommand(args.Keyspace, key, count, withScores, resp3));
    }
}
