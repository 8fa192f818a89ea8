using Redis.Domain.Keys;
using Redis.Domain.Sets;

namespace Redis.Application.Commands.SetAlgebra;

/// <summary>Redis's <c>sinterGenericCommand</c> and <c>sunionDiffGenericCommand</c> over sets already looked up (null for a missing key).</summary>
internal static class SetAlgebraEvaluator
{
    /// <summary>
    /// Looks every key up for reading, in order, as Redis does: a key of another type stops the lookups.
    /// </summary>
    /// <returns>False on a key of another type.</returns>
    public static bool TryRead(Keyspace keyspace, ReadOnlyMemory<byte>[] keys, long now, out SetValue?[] sets)
    {
        sets = new SetValue?[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (keyspace.Read(keys[i].Span, now, out sets[i]) == KeyLookup.WrongType)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The intersection, walking the smallest set in its order and testing each member against the others: adds
    /// each member found into <paramref name="members"/> or <paramref name="destination"/> (either may be null),
    /// stopping once <paramref name="limit"/> (0 for none) are found.
    /// </summary>
    /// <returns>How many members the intersection has (up to the limit).</returns>
    public static long Intersect(SetValue?[] sets, long limit, List<byte[]>? members, SetValue? destination, long maxIntsetEntries)
    {
        foreach (var set in sets)
        {
            if (set is null)
            {
                return 0;
            }
        }

        var ordered = (SetValue[])sets.Clone();
        SortByCount(ordered, 0, descending: false);
        var first = ordered[0];
        var cardinality = 0L;
        for (var i = 0; i < first.Count; i++)
        {
            var inAll = true;
            for (var j = 1; j < ordered.Length && inAll; j++)
            {
                inAll = ReferenceEquals(ordered[j], first) || first.MemberAtIsIn(i, ordered[j]);
            }

            if (!inAll)
            {
                continue;
            }

            cardinality++;
            members?.Add(first.MemberAt(i));
            destination?.Add(first.MemberAt(i), maxIntsetEntries);
            if (limit > 0 && cardinality >= limit)
            {
                break;
            }
        }

        return cardinality;
    }

    /// <summary>The union or the difference, built as Redis builds it in a set that starts as an intset (so its encoding is Redis's).</summary>
    public static SetValue UnionOrDiff(SetValue?[] sets, SetAlgebraOperation operation, long maxIntsetEntries)
    {
        var result = new SetValue();
        if (operation == SetAlgebraOperation.Union)
        {
            foreach (var set in sets)
            {
                for (var i = 0; set is not null && i < set.Count; i++)
                {
                    set.AddMemberAtTo(i, result, maxIntsetEntries);
                }
            }

            return result;
        }

        var first = sets[0];
        for (var j = 1; j < sets.Length; j++)
        {
            if (ReferenceEquals(sets[j], first))
            {
                // The same key as the first (or both missing): nothing is left.
                return result;
            }
        }

        if (first is null)
        {
            return result;
        }

        long oneWork = 0, twoWork = 0;
        foreach (var set in sets)
        {
            if (set is not null)
            {
                oneWork += first.Count;
                twoWork += set.Count;
            }
        }

        if (oneWork / 2 <= twoWork)
        {
            SubtractByMembership(sets, result, maxIntsetEntries);
        }
        else
        {
            SubtractByRemoval(sets, result, maxIntsetEntries);
        }

        return result;
    }

    /// <summary>Redis's diff algorithm 1: each member of the first set not found in any other.</summary>
    private static void SubtractByMembership(SetValue?[] sets, SetValue result, long maxIntsetEntries)
    {
        var first = sets[0]!;
        var others = (SetValue?[])sets.Clone();
        SortByCount(others, 1, descending: true);
        for (var i = 0; i < first.Count; i++)
        {
            var found = false;
            for (var j = 1; j < others.Length && !found; j++)
            {
                found = others[j] is { } other && first.MemberAtIsIn(i, other);
            }

            if (!found)
            {
                first.AddMemberAtTo(i, result, maxIntsetEntries);
            }
        }
    }

    /// <summary>Redis's diff algorithm 2: every member of the first set, then the others' removed.</summary>
    private static void SubtractByRemoval(SetValue?[] sets, SetValue result, long maxIntsetEntries)
    {
        var first = sets[0]!;
        for (var i = 0; i < first.Count; i++)
        {
            first.AddMemberAtTo(i, result, maxIntsetEntries);
        }

        for (var j = 1; j < sets.Length && result.Count > 0; j++)
        {
            for (var i = 0; sets[j] is { } set && i < set.Count; i++)
            {
                result.Remove(set.MemberAt(i));
            }
        }
    }

    /// <summary>A stable insertion sort by size from <paramref name="start"/> on, missing sets first (they count as empty).</summary>
    private static void SortByCount(SetValue?[] sets, int start, bool descending)
    {
        for (var i = start + 1; i < sets.Length; i++)
        {
            var item = sets[i];
            var size = item?.Count ?? 0;
            var j = i - 1;
            while (j >= start && (descending ? (sets[j]?.Count ?? 0) < size : (sets[j]?.Count ?? 0) > size))
            {
                sets[j + 1] = sets[j];
                j--;
            }

            sets[j + 1] = item;
        }
    }
}
