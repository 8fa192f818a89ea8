using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Common;

/// <summary>The options of <c>SCAN</c>, <c>HSCAN</c>, <c>SSCAN</c> and <c>ZSCAN</c>: <c>MATCH</c>, <c>COUNT</c> and, for <c>SCAN</c> alone, <c>TYPE</c>.</summary>
/// <param name="Pattern">The glob to match, or null for none (a pattern of exactly <c>*</c> is none, as Redis drops it).</param>
/// <param name="Count">The work hint, at least 1.</param>
/// <param name="Type"><c>SCAN</c>'s type name filter, or null.</param>
public readonly record struct ScanOptions(ReadOnlyMemory<byte>? Pattern, long Count, ReadOnlyMemory<byte>? Type)
{
    /// <summary>Redis's default <c>COUNT</c>.</summary>
    public const long DefaultCount = 10;

    /// <summary>
    /// Parses the options after the cursor as Redis's <c>scanGenericCommand</c> does: in any order, each taking a
    /// value, a <c>COUNT</c> below 1 a syntax error.
    /// </summary>
    /// <param name="allowType">True for <c>SCAN</c>; the collection scans treat <c>TYPE</c> as any unknown word.</param>
    /// <returns>Null when the options parsed, otherwise the error to answer with.</returns>
    /// <remarks>
    /// The collection scans parse the cursor, look the key up, and only then parse the options, so a missing key
    /// answers an empty scan even with a bad option: their binders keep this error and the handler sends it only when
    /// the key exists.
    /// </remarks>
    public static Reply? Parse(ref ArgCursor args, bool allowType, out ScanOptions options)
    {
        ReadOnlyMemory<byte>? pattern = null, type = null;
        var count = DefaultCount;
        options = default;
        while (args.HasMore)
        {
            if (args.Remaining >= 2 && args.NextIs("COUNT"u8))
            {
                if (!args.TryNextInt64(out count))
                {
                    return Errors.NotAnInteger;
                }

                if (count < 1)
                {
                    return Errors.Syntax;
                }
            }
            else if (args.Remaining >= 2 && args.NextIs("MATCH"u8))
            {
                var match = args.NextMemory();
                pattern = match.Span is [(byte)'*'] ? (ReadOnlyMemory<byte>?)null : match;
            }
            else if (allowType && args.Remaining >= 2 && args.NextIs("TYPE"u8))
            {
                type = args.NextMemory();
            }
            else
            {
                return Errors.Syntax;
            }
        }

        options = new ScanOptions(pattern, count, type);
        return null;
    }
}
