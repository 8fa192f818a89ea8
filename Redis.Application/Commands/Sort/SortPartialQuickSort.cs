namespace Redis.Application.Commands.Sort;

/// <summary>
/// Redis's <c>pqsort</c> (Bentley and McIlroy's quicksort, recursing only into partitions that overlap the wanted
/// range), ported step for step: <c>SORT ... BY ... LIMIT</c> uses it, and the order it leaves equal <c>ALPHA</c>
/// values in is part of the reply.
/// </summary>
internal static class SortPartialQuickSort
{
    /// <summary>Sorts <paramref name="items"/> enough that positions <paramref name="first"/> to <paramref name="last"/> hold what a full sort would put there.</summary>
    public static void Sort(SortItem[] items, SortComparer comparer, long first, long last) =>
        Sort(items, 0, items.Length, comparer, first, last);

    private static void Sort(SortItem[] v, int a, int n, SortComparer comparer, long first, long last)
    {
        while (true)
        {
            if (n < 7)
            {
                for (var pm = a + 1; pm < a + n; pm++)
                {
                    for (var pl = pm; pl > a && comparer.CompareItems(v[pl - 1], v[pl]) > 0; pl--)
                    {
                        (v[pl], v[pl - 1]) = (v[pl - 1], v[pl]);
                    }
                }

                return;
            }

            var middle = a + (n / 2);
            if (n > 7)
            {
                var low = a;
                var high = a + n - 1;
                if (n > 40)
                {
                    var d = n / 8;
                    low = Median(v, low, low + d, low + (2 * d), comparer);
                    middle = Median(v, middle - d, middle, middle + d, comparer);
                    high = Median(v, high - (2 * d), high - d, high, comparer);
                }

                middle = Median(v, low, middle, high, comparer);
            }

            (v[a], v[middle]) = (v[middle], v[a]);
            int pa = a + 1, pb = a + 1, pc = a + n - 1, pd = a + n - 1;
            while (true)
            {
                int cmp;
                while (pb <= pc && (cmp = comparer.CompareItems(v[pb], v[a])) <= 0)
                {
                    if (cmp == 0)
                    {
                        (v[pa], v[pb]) = (v[pb], v[pa]);
                        pa++;
                    }

                    pb++;
                }

                while (pb <= pc && (cmp = comparer.CompareItems(v[pc], v[a])) >= 0)
                {
                    if (cmp == 0)
                    {
                        (v[pc], v[pd]) = (v[pd], v[pc]);
                        pd--;
                    }

                    pc--;
                }

                if (pb > pc)
                {
                    break;
                }

                (v[pb], v[pc]) = (v[pc], v[pb]);
                pb++;
                pc--;
            }

            var end = a + n;
            var r = Math.Min(pa - a, pb - pa);
            SwapRuns(v, a, pb - r, r);
            r = Math.Min(pd - pc, end - pd - 1);
            SwapRuns(v, pb, end - r, r);
            if ((r = pb - pa) > 1 && Overlaps(a, r, first, last))
            {
                Sort(v, a, r, comparer, first, last);
            }

            // The upper partition is looped on rather than recursed into, as in the C.
            if ((r = pd - pc) <= 1 || !Overlaps(end - r, r, first, last))
            {
                return;
            }

            a = end - r;
            n = r;
        }
    }

    /// <summary>Whether positions <paramref name="start"/> to start + count - 1 meet the wanted range (pqsort's pointer test, in positions).</summary>
    private static bool Overlaps(int start, int count, long first, long last) =>
        !((first < start && last < start) || (first >= start + count && last >= start + count));

    private static int Median(SortItem[] v, int a, int b, int c, SortComparer comparer) =>
        comparer.CompareItems(v[a], v[b]) < 0
            ? (comparer.CompareItems(v[b], v[c]) < 0 ? b : (comparer.CompareItems(v[a], v[c]) < 0 ? c : a))
            : (comparer.CompareItems(v[b], v[c]) > 0 ? b : (comparer.CompareItems(v[a], v[c]) < 0 ? a : c));

    private static void SwapRuns(SortItem[] v, int a, int b, int count)
    {
        for (var i = 0; i < count; i++)
        {
            (v[a + i], v[b + i]) = (v[b + i], v[a + i]);
        }
    }
}
