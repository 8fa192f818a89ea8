using Redis.Domain.SortedSets;

namespace Redis.Application.Commands.ZSetCommon;

/// <summary>A lexicographic interval (Redis's <c>zlexrangespec</c>): <c>[a</c>, <c>(a</c>, <c>-</c> and <c>+</c>.</summary>
public readonly record struct ZLexRange(ZLexBound Min, ZLexBound Max)
{
    /// <summary>Redis's <c>zslParseLexRange</c>.</summary>
    internal static bool TryParse(ReadOnlyMemory<byte> min, ReadOnlyMemory<byte> max, out ZLexRange range)
    {
        range = default;
        if (!ZLexBound.TryParse(min, out var low) || !ZLexBound.TryParse(max, out var high))
        {
            return false;
        }

        range = new ZLexRange(low, high);
        return true;
    }

    /// <summary>The ascending ranks of the members in range: from <c>First</c> (inclusive) to <c>End</c> (exclusive).</summary>
    /// <param name="reverse">For a reversed range: a listpack is then searched from its tail, as Redis does.</param>
    /// <remarks>
    /// Lexicographic ranges assume equal scores. When they are not, Redis's listpack answer is still deterministic (a
    /// linear search from the head, or from the tail reversed, <c>zzlFirstInLexRange</c>/<c>zzlLastInLexRange</c>), so
    /// a listpack is searched the same way; a skiplist's answer depends on its random levels in Redis too.
    /// </remarks>
    public (long First, long End) Ranks(SortedSetValue set, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!set.IsSkipList)
        {
            return LinearRanks(set, reverse);
        }

        var first = Min.Kind switch
        {
            ZLexBoundKind.Minimum => 0,
            ZLexBoundKind.Maximum => set.Count,
            _ => set.CountBelowLex(Min.Value.Span, inclusive: Min.Kind == ZLexBoundKind.Exclusive),
        };
        var end = Max.Kind switch
        {
            ZLexBoundKind.Minimum => 0,
            ZLexBoundKind.Maximum => set.Count,
            _ => set.CountBelowLex(Max.Value.Span, inclusive: Max.Kind == ZLexBoundKind.Inclusive),
        };
        return (first, Math.Max(first, end));
    }

    private (long First, long End) LinearRanks(SortedSetValue set, bool reverse)
    {
        var count = set.Count;
        if (count == 0 || IsEmpty() || !GteMin(set.ElementAt(count - 1).Member) || !LteMax(set.ElementAt(0).Member))
        {
            return (0, 0);
        }

        if (!reverse)
        {
            var first = 0L;
            while (first < count && !GteMin(set.ElementAt(first).Member))
            {
                first++;
            }

            var end = first;
            while (end < count && LteMax(set.ElementAt(end).Member))
            {
                end++;
            }

            return (first, end);
        }

        var last = count - 1;
        while (last >= 0 && !LteMax(set.ElementAt(last).Member))
        {
            last--;
        }

        var begin = last + 1;
        while (begin > 0 && GteMin(set.ElementAt(begin - 1).Member))
        {
            begin--;
        }

        return (begin, last + 1);
    }

    /// <summary>Redis's check that min is not above max (<c>zzlIsInLexRange</c>'s first step).</summary>
    private bool IsEmpty()
    {
        var order = Compare(Min, Max);
        return order > 0 || (order == 0 && (Min.Kind != ZLexBoundKind.Inclusive || Max.Kind != ZLexBoundKind.Inclusive));
    }

    private static int Compare(ZLexBound a, ZLexBound b)
    {
        static int Rank(ZLexBound bound) => bound.Kind switch
        {
            ZLexBoundKind.Minimum => -1,
            ZLexBoundKind.Maximum => 1,
            _ => 0,
        };

        var (ra, rb) = (Rank(a), Rank(b));
        return ra != 0 || rb != 0 ? ra.CompareTo(rb) : a.Value.Span.SequenceCompareTo(b.Value.Span);
    }

    private bool GteMin(byte[] member) => Min.Kind switch
    {
        ZLexBoundKind.Minimum => true,
        ZLexBoundKind.Maximum => false,
        ZLexBoundKind.Inclusive => member.AsSpan().SequenceCompareTo(Min.Value.Span) >= 0,
        _ => member.AsSpan().SequenceCompareTo(Min.Value.Span) > 0,
    };

    private bool LteMax(byte[] member) => Max.Kind switch
    {
        ZLexBoundKind.Minimum => false,
        ZLexBoundKind.Maximum => true,
        ZLexBoundKind.Inclusive => member.AsSpan().SequenceCompareTo(Max.Value.Span) <= 0,
        _ => member.AsSpan().SequenceCompareTo(Max.Value.Span) < 0,
    };
}

/// <summary>One end of a <see cref="ZLexRange"/>.</summary>
public readonly record struct ZLexBound(ZLexBoundKind Kind, ReadOnlyMemory<byte> Value)
{
    internal static bool TryParse(ReadOnlyMemory<byte> text, out ZLexBound bound)
    {
        var span = text.Span;
        bound = default;
        if (span.IsEmpty)
        {
            return false;
        }

        switch (span[0])
        {
            case (byte)'+' when span.Length == 1:
                bound = new ZLexBound(ZLexBoundKind.Maximum, default);
                return true;
            case (byte)'-' when span.Length == 1:
                bound = new ZLexBound(ZLexBoundKind.Minimum, default);
                return true;
            case (byte)'(':
                bound = new ZLexBound(ZLexBoundKind.Exclusive, text[1..]);
                return true;
            case (byte)'[':
                bound = new ZLexBound(ZLexBoundKind.Inclusive, text[1..]);
                return true;
            default:
                return false;
        }
    }
}

/// <summary>What a <see cref="ZLexBound"/> is.</summary>
public enum ZLexBoundKind
{
    /// <summary><c>[value</c>.</summary>
    Inclusive,

    /// <summary><c>(value</c>.</summary>
    Exclusive,

    /// <summary><c>-</c>: below every string.</summary>
    Minimum,

    /// <summary><c>+</c>: above every string.</summary>
    Maximum,
}
