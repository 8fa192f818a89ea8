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
    public (long First, long End) Ranks(SortedSetValue set)
    {
        ArgumentNullException.ThrowIfNull(set);
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
