using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZSetCommon;

/// <summary>The reply shapes of the sorted-set commands, in RESP2 and RESP3 as Redis 7.0.15 sends them.</summary>
internal static class ZSetReplies
{
    /// <summary>
    /// Members, or with scores: RESP2 a flat array (member, score, ...), RESP3 an array of [member, score] pairs
    /// (<c>zrangeResultEmitCBufferToClient</c>, <c>ZPOPMIN key count</c>, <c>ZUNION ... WITHSCORES</c>).
    /// </summary>
    public static Reply Entries(ReadOnlySpan<SortedSetEntry> entries, bool withScores, bool resp3)
    {
        if (!withScores)
        {
            var members = new Reply[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                members[i] = Reply.Bulk(entries[i].Member);
            }

            return Reply.Array(members);
        }

        if (resp3)
        {
            var pairs = new Reply[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                pairs[i] = Reply.Array([Reply.Bulk(entries[i].Member), Reply.Double(entries[i].Score)]);
            }

            return Reply.Array(pairs);
        }

        return Flat(entries);
    }

    /// <summary>member, score, member, score, ... in one array, whatever the protocol (<c>ZPOPMIN key</c> without a count).</summary>
    public static Reply Flat(ReadOnlySpan<SortedSetEntry> entries)
    {
        var flat = new Reply[entries.Length * 2];
        for (var i = 0; i < entries.Length; i++)
        {
            flat[2 * i] = Reply.Bulk(entries[i].Member);
            flat[(2 * i) + 1] = Reply.Double(entries[i].Score);
        }

        return Reply.Array(flat);
    }
}
