using System.Text;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Sort;

/// <summary>
/// Redis's <c>sortCommandGeneric</c> option loop, shared by <c>SORT</c> and <c>SORT_RO</c>: options in any order, the
/// last of a kind winning, each checked for its arguments as it comes, so the first bad one decides the error.
/// </summary>
internal static class SortParser
{
    /// <summary>
    /// Redis's <c>sortGetKeys</c>: the sorted key, and the last <c>STORE</c> destination; the arguments of
    /// <c>LIMIT</c>, <c>GET</c> and <c>BY</c> are stepped over, so a pattern named "store" is not taken for the option.
    /// </summary>
    public static IReadOnlyList<int> KeyPositions(byte[][] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var store = 0;
        for (var i = 2; i < words.Length; i++)
        {
            var word = words[i];
            if (Ascii.EqualsIgnoreCase(word, "limit"u8))
            {
                i += 2;
            }
            else if (Ascii.EqualsIgnoreCase(word, "get"u8) || Ascii.EqualsIgnoreCase(word, "by"u8))
            {
                i++;
            }
            else if (Ascii.EqualsIgnoreCase(word, "store"u8) && i + 1 < words.Length)
            {
                store = ++i;
            }
        }

        return store == 0 ? [1] : [1, store];
    }

    /// <param name="readOnly">True for <c>SORT_RO</c>: <c>STORE</c> is then an unknown word, a syntax error.</param>
    public static BindResult Parse(ref ArgCursor args, bool readOnly)
    {
        var key = args.NextMemory();
        bool descending = false, alpha = false, dontSort = false;
        long offset = 0, count = -1;
        ReadOnlyMemory<byte>? by = null, destination = null;
        var gets = new List<ReadOnlyMemory<byte>>();
        while (args.HasMore)
        {
            // Redis's leftargs: the words after this one.
            var left = args.Remaining - 1;
            if (args.NextIs("ASC"u8))
            {
                descending = false;
            }
            else if (args.NextIs("DESC"u8))
            {
                descending = true;
            }
            else if (args.NextIs("ALPHA"u8))
            {
                alpha = true;
            }
            else if (left >= 2 && args.NextIs("LIMIT"u8))
            {
                if (!args.TryNextInt64(out offset) || !args.TryNextInt64(out count))
                {
                    return Errors.NotAnInteger;
                }
            }
            else if (!readOnly && left >= 1 && args.NextIs("STORE"u8))
            {
                destination = args.NextMemory();
            }
            else if (left >= 1 && args.NextIs("BY"u8))
            {
                var pattern = args.NextMemory();
                by = pattern;

                // A pattern without '*' names no weight key: nothing to sort by. Redis never clears the flag again.
                dontSort |= SortPattern.StarIndex(pattern.Span) < 0;
            }
            else if (left >= 1 && args.NextIs("GET"u8))
            {
                gets.Add(args.NextMemory());
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new(new SortCommand(args.Keyspace, key, by, dontSort, offset, count, [.. gets], descending, alpha, destination));
    }
}
