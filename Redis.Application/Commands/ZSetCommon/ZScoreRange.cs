using Redis.Domain.SortedSets;

namespace Redis.Application.Commands.ZSetCommon;

/// <summary>A score interval (Redis's <c>zrangespec</c>): <c>(</c> before a bound makes it exclusive.</summary>
public readonly record struct ZScoreRange(double Min, bool MinExclusive, double Max, bool MaxExclusive)
{
    /// <summary>Redis's <c>zslParseRange</c>.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> min, ReadOnlySpan<byte> max, out ZScoreRange range)
    {
        range = default;
        if (!TryParseBound(min, out var low, out var lowExclusive) || !TryParseBound(max, out var high, out var highExclusive))
        {
            return false;
        }

        range = new ZScoreRange(low, lowExclusive, high, highExclusive);
        return true;
    }

    /// <summary>The ascending ranks of the members in range: from <c>First</c> (inclusive) to <c>End</c> (exclusive).</summary>
    public (long First, long End) Ranks(SortedSetValue set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var first = set.CountBelow(Min, inclusive: MinExclusive);
        var end = set.CountBelow(Max, inclusive: !MaxExclusive);
        return (first, Math.Max(first, end));
    }

    private static bool TryParseBound(ReadOnlySpan<byte> text, out double value, out bool exclusive)
    {
        exclusive = !text.IsEmpty && text[0] == (byte)'(';
        return ZScoreParser.TryParseBound(exclusive ? text[1..] : text, out value);
    }
}
