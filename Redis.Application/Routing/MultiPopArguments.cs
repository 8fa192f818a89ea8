using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Routing;

/// <summary>
/// What <c>LMPOP</c> and <c>ZMPOP</c> take, and <c>BLMPOP</c>/<c>BZMPOP</c> after their timeout:
/// <c>numkeys key [key ...] WHERE [COUNT count]</c>, read as Redis's <c>lmpopGenericCommand</c> and
/// <c>zmpopGenericCommand</c> both read it: numkeys of 1 or more, the keys (a syntax error when the arguments end
/// first), one of the two words, then at most one <c>COUNT</c> of 1 or more.
/// </summary>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
/// <param name="IsFirstWord">True for the first of the two words (<c>LEFT</c>, <c>MIN</c>).</param>
/// <param name="Count">The <c>COUNT</c> given, 1 without one.</param>
internal readonly record struct MultiPopArguments(ReadOnlyMemory<byte>[] Keys, bool IsFirstWord, long Count)
{
    /// <summary>Reads the arguments from numkeys on; null with the error Redis answers first.</summary>
    public static MultiPopArguments? Parse(ref ArgCursor args, ReadOnlySpan<byte> firstWord, ReadOnlySpan<byte> secondWord, out Reply error)
    {
        error = Errors.Syntax;
        if (!args.TryNextInt64(out var numKeys) || numKeys < 1)
        {
            error = Errors.NumKeysNotPositive;
            return null;
        }

        if (numKeys >= args.Remaining)
        {
            return null;
        }

        var keys = new ReadOnlyMemory<byte>[numKeys];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = args.NextMemory();
        }

        var isFirstWord = args.NextIs(firstWord);
        if (!isFirstWord && !args.NextIs(secondWord))
        {
            return null;
        }

        var count = -1L;
        while (args.HasMore)
        {
            if (count != -1 || args.Remaining < 2 || !args.NextIs("COUNT"u8))
            {
                return null;
            }

            if (!args.TryNextInt64(out count) || count < 1)
            {
                error = Errors.CountNotPositive;
                return null;
            }
        }

        return new MultiPopArguments(keys, isFirstWord, count == -1 ? 1 : count);
    }
}
