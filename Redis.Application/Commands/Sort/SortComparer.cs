namespace Redis.Application.Commands.Sort;

/// <summary>Redis's <c>sortCompare</c> for one <c>SORT</c>: by score, or with <c>ALPHA</c> by bytes, then reversed for <c>DESC</c>.</summary>
/// <param name="alpha"><c>ALPHA</c>: compare the elements, or their <c>BY</c> values, as strings.</param>
/// <param name="byPattern">A <c>BY</c> pattern with <c>*</c>: <c>ALPHA</c> compares the values it found, a missing one first.</param>
/// <param name="store">
/// <c>STORE</c>: strings compare as bytes (Redis's <c>compareStringObjects</c>, deterministic for replication);
/// otherwise as C's <c>strcoll</c> does, which in the C locale is <c>strcmp</c>: up to the first zero byte.
/// </param>
internal sealed class SortComparer(bool alpha, bool byPattern, bool store, bool descending) : IComparer<SortItem>
{
    /// <summary>Redis's comparison: equal scores fall back to the elements' bytes; <c>ALPHA</c> values may tie.</summary>
    public int CompareItems(in SortItem a, in SortItem b)
    {
        int cmp;
        if (!alpha)
        {
            cmp = a.Score > b.Score ? 1 : a.Score < b.Score ? -1 : a.Element.AsSpan().SequenceCompareTo(b.Element);
        }
        else if (byPattern)
        {
            cmp = !a.HasWeight || !b.HasWeight
                ? (a.HasWeight == b.HasWeight ? 0 : a.HasWeight ? 1 : -1)
                : CompareStrings(a.Weight.Span, b.Weight.Span);
        }
        else
        {
            cmp = CompareStrings(a.Element, b.Element);
        }

        return descending ? -cmp : cmp;
    }

    /// <summary>The comparison with ties kept in loading order: the order glibc's <c>qsort</c>, a merge sort, leaves them in.</summary>
    public int Compare(SortItem x, SortItem y)
    {
        var cmp = CompareItems(x, y);
        return cmp != 0 ? cmp : x.Position.CompareTo(y.Position);
    }

    private int CompareStrings(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (!store)
        {
            a = UpToZero(a);
            b = UpToZero(b);
        }

        return Math.Sign(a.SequenceCompareTo(b));
    }

    private static ReadOnlySpan<byte> UpToZero(ReadOnlySpan<byte> text)
    {
        var nul = text.IndexOf((byte)0);
        return nul >= 0 ? text[..nul] : text;
    }
}
