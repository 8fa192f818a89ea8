namespace Redis.Domain.Keys;

/// <summary>
/// Redis's eviction pool (<c>EvictionPoolLRU</c> in <c>evict.c</c>): the best candidates for eviction seen by the
/// sampling so far, ordered by their score (idle time, inverse frequency, or nearness of expiry), the best last.
/// </summary>
/// <remarks>
/// Each eviction round samples a few keys of every database into it and takes the best; what remains carries over to
/// the next round, so a handful of samples per round approximates the true best over many rounds. A key evicted or
/// deleted meanwhile stays as a ghost until it is taken, then is skipped (its lookup fails). Only the serving thread uses it.
/// </remarks>
public sealed class EvictionPool
{
    /// <summary>Redis's <c>EVPOOL_SIZE</c>.</summary>
    public const int Size = 16;

    private readonly Candidate[] _candidates = new Candidate[Size];

    /// <summary>Candidates held now.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var candidate in _candidates)
            {
                count += candidate.Key is null ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>
    /// <c>evictionPoolPopulate</c>'s insertion: into the first empty place or before the first candidate with a higher
    /// score; a key scoring below every candidate of a full pool is dropped, and a full pool drops its lowest to make room.
    /// </summary>
    internal void Insert(ulong score, ReadOnlySpan<byte> key, int database)
    {
        var k = 0;
        while (k < Size && _candidates[k].Key is not null && _candidates[k].Score < score)
        {
            k++;
        }

        if (k == 0 && _candidates[Size - 1].Key is not null)
        {
            return;
        }

        if (k < Size && _candidates[k].Key is null)
        {
            // An empty place: nothing to move.
        }
        else if (_candidates[Size - 1].Key is null)
        {
            // Room on the right: shift k.. one place right.
            Array.Copy(_candidates, k, _candidates, k + 1, Size - k - 1);
        }
        else
        {
            // Full: shift the ones left of k one place left, dropping the lowest score.
            k--;
            Array.Copy(_candidates, 1, _candidates, 0, k);
        }

        _candidates[k] = new Candidate(score, key.ToArray(), database);
    }

    /// <summary>Takes the best candidate out of the pool (the highest score); false when it is empty.</summary>
    internal bool TryTakeBest(out byte[] key, out int database)
    {
        for (var k = Size - 1; k >= 0; k--)
        {
            if (_candidates[k].Key is { } found)
            {
                (key, database) = (found, _candidates[k].Database);
                _candidates[k] = default;
                return true;
            }
        }

        (key, database) = (null!, 0);
        return false;
    }

    /// <summary>Forgets every candidate (a <c>FLUSHALL</c> or a change of policy makes them meaningless).</summary>
    public void Clear() => Array.Clear(_candidates);

    private readonly record struct Candidate(ulong Score, byte[]? Key, int Database);
}
