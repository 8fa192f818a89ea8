using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ZPop;

/// <remarks>Redis's <c>zmpopGenericCommand</c>: numkeys, the keys, <c>MIN</c>/<c>MAX</c>, then one <c>COUNT</c>.</remarks>
internal sealed class ZMPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zmpop", -4, ["write", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] MIN|MAX [COUNT count]", "Remove and return members with scores in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args);

    /// <summary>From numkeys on: <c>ZMPOP</c>'s arguments, which <c>BZMPOP</c> has after its timeout.</summary>
    internal static BindResult Parse(ref ArgCursor args)
    {
        if (!args.TryNextInt64(out var numKeys) || numKeys < 1)
        {
            return Errors.NumKeysNotPositive;
        }

        if (numKeys >= args.Remaining)
        {
            return Errors.Syntax;
        }

        var keys = new ReadOnlyMemory<byte>[numKeys];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = args.NextMemory();
        }

        bool max;
        if (args.NextIs("MIN"u8))
        {
            max = false;
        }
        else if (args.PeekIs("MAX"u8))
        {
            args.Skip();
            max = true;
        }
        else
        {
            return Errors.Syntax;
        }

        long count = -1;
        while (args.HasMore)
        {
            if (count == -1 && args.Remaining >= 2 && args.NextIs("COUNT"u8))
            {
                if (!args.TryNextInt64(out count) || count < 1)
                {
                    return Errors.CountNotPositive;
                }
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new(new ZPopCommand(args.Keyspace, keys, max, count == -1 ? 1 : count, Multi: true, args.Session.Protocol == RespVersion.Resp3));
    }
}
