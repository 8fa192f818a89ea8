using Redis.Application.Commands.LMove;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LMPop;

/// <remarks>
/// Redis's <c>lmpopGenericCommand</c>: numkeys (1 or more), then the side after the keys (a syntax error when the
/// arguments end first), then at most one <c>COUNT</c> of 1 or more. The keys are not at fixed positions, so
/// <c>COMMAND INFO</c> reports 0 0 0 and <c>movablekeys</c>, as Redis does.
/// </remarks>
internal sealed class LMPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lmpop", -4, ["write", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] LEFT|RIGHT [COUNT count]", "Pop elements from a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args);

    /// <summary>From numkeys on: <c>LMPOP</c>'s arguments, which <c>BLMPOP</c> has after its timeout.</summary>
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

        if (!LMoveCommandBinder.TryNextSide(ref args, out var left))
        {
            return Errors.Syntax;
        }

        var count = -1L;
        while (args.HasMore)
        {
            if (count == -1 && args.Remaining > 1 && args.NextIs("COUNT"u8))
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

        return new(new LMPopCommand(args.Keyspace, keys, left, count == -1 ? 1 : count));
    }
}
