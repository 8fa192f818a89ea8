using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LPos;

/// <remarks>Options are parsed in order and each is checked as it is met, before the key is looked up (Redis's <c>lposCommand</c>).</remarks>
internal sealed class LPosCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lpos", -3, ["readonly"], 1, 1, 1)
    {
        Doc = new("key element [RANK rank] [COUNT num-matches] [MAXLEN len]", "Return the index of matching elements on a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var element = args.NextMemory();
        long rank = 1, count = -1, maxLen = 0;
        while (args.HasMore)
        {
            var hasValue = args.Remaining > 1;
            if (hasValue && args.NextIs("RANK"u8))
            {
                if (!args.TryNextInt64(out rank))
                {
                    return Errors.NotAnInteger;
                }

                if (rank == 0)
                {
                    return Errors.LposRankZero;
                }
            }
            else if (hasValue && args.NextIs("COUNT"u8))
            {
                if (!args.TryNextInt64(out count) || count < 0)
                {
                    return Errors.LposCountNegative;
                }
            }
            else if (hasValue && args.NextIs("MAXLEN"u8))
            {
                if (!args.TryNextInt64(out maxLen) || maxLen < 0)
                {
                    return Errors.LposMaxLenNegative;
                }
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new(new LPosCommand(args.Keyspace, key, element, rank, count, maxLen));
    }
}
