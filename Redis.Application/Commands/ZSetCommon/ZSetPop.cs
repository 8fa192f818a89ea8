using Redis.Application.PubSub;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;

namespace Redis.Application.Commands.ZSetCommon;

/// <summary>
/// The pop of <c>ZPOPMIN</c>, <c>ZPOPMAX</c> and <c>ZMPOP</c> (Redis's <c>genericZpopCommand</c> after the lookup),
/// in one place for the blocking forms (<c>BZPOPMIN</c>, <c>BZPOPMAX</c>, <c>BZMPOP</c>) to call too.
/// </summary>
internal static class ZSetPop
{
    /// <summary>
    /// Removes up to <paramref name="count"/> (at least 1) members from the low end, or the high end when
    /// <paramref name="max"/>, in pop order; notifies <c>zpopmin</c>/<c>zpopmax</c>, and <c>del</c> when the key goes.
    /// </summary>
    public static SortedSetEntry[] Pop(Keyspace keyspace, ReadOnlySpan<byte> key, SortedSetValue set, bool max, long count, KeyspaceEvents events)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(events);
        var length = set.Count;
        var taken = Math.Min(count, length);
        var entries = max ? set.Range(length - 1, taken, reverse: true) : set.Range(0, taken, reverse: false);
        set.RemoveRange(max ? length - taken : 0, taken);
        events.Shrunk(keyspace, key, set, KeyspaceEventClasses.SortedSet, max ? KeyspaceEventNames.ZPopMax : KeyspaceEventNames.ZPopMin);

        return entries;
    }
}
