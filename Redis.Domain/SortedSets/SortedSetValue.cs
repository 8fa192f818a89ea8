using Redis.Domain.Keys;

namespace Redis.Domain.SortedSets;

/// <summary>
/// A sorted set, in Redis 7.0's two encodings: <c>listpack</c>, a flat pair of arrays kept in order (score, then
/// member bytes) for a small set, and <c>skiplist</c>, a skip list with spans (O(log n) ranks) beside a member→node
/// dictionary, for a large one (<c>t_zset.c</c>).
/// </summary>
/// <remarks>
/// <para>
/// The set starts as a listpack and turns into a skiplist, once and for good, when a member longer than
/// <c>zset-max-listpack-value</c> bytes arrives or it would grow past <c>zset-max-listpack-entries</c>, as
/// <c>zsetAdd</c> converts. Both encodings keep the same order, so every reply is the same in either.
/// </para>
/// <para>
/// Ranks are 0-based and ascending everywhere in this API. Members are immutable arrays: a reply may keep them.
/// The skiplist form also keeps its nodes in a dense array (a removal moves the last node into the hole), which
/// <c>ZSCAN</c> walks downwards as the keyspace's <c>SCAN</c> does (ADR 0013).
/// </para>
/// </remarks>
public sealed class SortedSetValue : TypedValue
{
    private const int InitialCapacity = 4;

    // listpack form
    private byte[][]? _members;
    private double[]? _scores;
    private int _count;

    // skiplist form
    private SkipList? _list;
    private Dictionary<byte[], SkipListNode>? _dict;
    private SkipListNode[]? _dense;

    /// <summary>An empty set in the listpack encoding.</summary>
    public SortedSetValue()
    {
        _members = new byte[InitialCapacity][];
        _scores = new double[InitialCapacity];
    }

    private SortedSetValue(bool skiplist)
        : this()
    {
        if (skiplist)
        {
            ToSkipList();
        }
    }

    public override KeyType Type => KeyType.ZSet;

    public override string Encoding => IsSkipList ? "skiplist" : "listpack";

    public override long Count => _list?.Length ?? _count;

    /// <summary>True once the set uses the skiplist encoding.</summary>
    public bool IsSkipList => _list is not null;

    /// <inheritdoc/>
    /// <remarks>A skiplist is rebuilt member by member in order, as Redis's <c>zsetDup</c> does.</remarks>
    public override TypedValue Copy()
    {
        var copy = new SortedSetValue(IsSkipList);
        if (_list is null)
        {
            copy._members = (byte[][])_members!.Clone();
            copy._scores = (double[])_scores!.Clone();
            copy._count = _count;
            return copy;
        }

        for (var node = _list.First; node is not null; node = node.Next)
        {
            copy.SkipAdd(node.Member, node.Score);
        }

        return copy;
    }

    protected override bool FootprintIsConstantTime => false;

    public override long Footprint
    {
        get
        {
            const long ObjectHeader = 24, ArrayHeader = 24, Reference = 8;
            var total = ObjectHeader + (6 * Reference) + 8;
            if (_list is null)
            {
                total += (2 * ArrayHeader) + (_members!.Length * (Reference + sizeof(double)));
                for (var i = 0; i < _count; i++)
                {
                    total += ArrayHeader + _members[i].Length;
                }

                return total;
            }

            // Per node: the node object, its level array (16 bytes a level), the member, a dictionary entry
            // (hash, next, key, value: 24 bytes) and a bucket, and a dense-array slot.
            total += ObjectHeader * 3 + (SkipList.MaxLevel * 16) + (_dense!.Length * Reference) + (_dict!.Count * 4);
            total += (_list.Length * (ObjectHeader + 24 + ArrayHeader + ArrayHeader + 24 + 4 + Reference)) + (_list.LevelCount * 16);
            foreach (var node in _dict.Values)
            {
                total += node.Member.Length;
            }

            return total;
        }
    }

    /// <summary>
    /// Builds a set from entries with distinct members, in the encoding their number and lengths call for (Redis's
    /// <c>zsetConvertToListpackIfNeeded</c> after <c>ZUNIONSTORE</c>, or <c>ZRANGESTORE</c>'s growing destination).
    /// </summary>
    public static SortedSetValue Create(List<SortedSetEntry> entries, long maxListpackEntries, long maxListpackValue)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var skiplist = entries.Count > maxListpackEntries;
        for (var i = 0; i < entries.Count && !skiplist; i++)
        {
            skiplist = entries[i].Member.Length > maxListpackValue;
        }

        entries.Sort(static (a, b) => Compare(a.Score, a.Member, b.Score, b.Member));
        var set = new SortedSetValue(skiplist);
        if (skiplist)
        {
            foreach (var entry in entries)
            {
                set.SkipAdd(entry.Member, entry.Score);
            }
        }
        else
        {
            set._members = new byte[Math.Max(InitialCapacity, entries.Count)][];
            set._scores = new double[set._members.Length];
            for (var i = 0; i < entries.Count; i++)
            {
                set._members[i] = entries[i].Member;
                set._scores[i] = entries[i].Score + 0.0;
            }

            set._count = entries.Count;
        }

        return set;
    }

    /// <summary>Redis's order: by score, then by member bytes (memcmp).</summary>
    public static int Compare(double scoreA, ReadOnlySpan<byte> memberA, double scoreB, ReadOnlySpan<byte> memberB) =>
        scoreA < scoreB ? -1 : scoreA > scoreB ? 1 : memberA.SequenceCompareTo(memberB);

    public bool TryGetScore(ReadOnlySpan<byte> member, out double score)
    {
        if (_dict is not null)
        {
            if (_dict.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(member, out var node))
            {
                score = node.Score;
                return true;
            }
        }
        else
        {
            var index = IndexOf(member);
            if (index >= 0)
            {
                score = _scores![index];
                return true;
            }
        }

        score = 0;
        return false;
    }

    /// <summary>The 0-based ascending rank of a member, or -1 when it is not in the set.</summary>
    public long RankOf(ReadOnlySpan<byte> member)
    {
        if (_dict is null)
        {
            return IndexOf(member);
        }

        return _dict.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(member, out var node)
            ? _list!.GetRank(node.Score, node.Member) - 1
            : -1;
    }

    /// <summary>
    /// Adds or updates a member as Redis's <c>zsetAdd</c> does, honouring <paramref name="flags"/>, converting to the
    /// skiplist encoding when the new member is too long or the set would grow too large.
    /// </summary>
    /// <param name="newScore">The member's score afterwards, when the outcome is not <see cref="ZAddOutcome.Nop"/> or NaN.</param>
    public ZAddOutcome Add(ReadOnlySpan<byte> member, double score, ZAddOptions flags, long maxListpackEntries, long maxListpackValue, out double newScore)
    {
        newScore = score;
        if (double.IsNaN(score))
        {
            return ZAddOutcome.NotANumber;
        }

        if (TryGetScore(member, out var current))
        {
            if ((flags & ZAddOptions.Nx) != 0)
            {
                return ZAddOutcome.Nop;
            }

            if ((flags & ZAddOptions.Incr) != 0)
            {
                score += current;
                if (double.IsNaN(score))
                {
                    return ZAddOutcome.NotANumber;
                }
            }

            if (((flags & ZAddOptions.Lt) != 0 && score >= current) || ((flags & ZAddOptions.Gt) != 0 && score <= current))
            {
                return ZAddOutcome.Nop;
            }

            newScore = score;
            if (score == current)
            {
                return ZAddOutcome.Unchanged;
            }

            Update(member, score);
            return ZAddOutcome.Updated;
        }

        if ((flags & ZAddOptions.Xx) != 0)
        {
            return ZAddOutcome.Nop;
        }

        if (_list is null && (_count + 1 > maxListpackEntries || member.Length > maxListpackValue))
        {
            ToSkipList();
        }

        Insert(member.ToArray(), score);
        return ZAddOutcome.Added;
    }

    /// <summary>Removes a member; false when it was not in the set.</summary>
    public bool Remove(ReadOnlySpan<byte> member)
    {
        if (_dict is null)
        {
            var index = IndexOf(member);
            if (index < 0)
            {
                return false;
            }

            RemoveAt(index, 1);
            return true;
        }

        if (!_dict.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(member, out var node))
        {
            return false;
        }

        _list!.Delete(node.Score, node.Member);
        Forget(node);
        return true;
    }

    /// <summary>The entry at a 0-based ascending rank.</summary>
    public SortedSetEntry ElementAt(long rank)
    {
        if (_list is null)
        {
            return new SortedSetEntry(_members![rank], _scores![rank]);
        }

        var node = _list.GetByRank(rank + 1)!;
        return new SortedSetEntry(node.Member, node.Score);
    }

    /// <summary>
    /// Copies <paramref name="count"/> entries starting at ascending rank <paramref name="start"/>, walking up, or
    /// down when <paramref name="reverse"/>; the caller keeps the ranks in the set.
    /// </summary>
    public SortedSetEntry[] Range(long start, long count, bool reverse)
    {
        var result = new SortedSetEntry[count];
        if (count == 0)
        {
            return result;
        }

        if (_list is null)
        {
            for (var i = 0; i < count; i++)
            {
                var index = (int)(reverse ? start - i : start + i);
                result[i] = new SortedSetEntry(_members![index], _scores![index]);
            }

            return result;
        }

        var node = _list.GetByRank(start + 1);
        for (var i = 0; i < count; i++)
        {
            result[i] = new SortedSetEntry(node!.Member, node.Score);
            node = reverse ? node.Backward : node.Next;
        }

        return result;
    }

    /// <summary>How many members score below <paramref name="score"/>, or at most it when <paramref name="inclusive"/>.</summary>
    public long CountBelow(double score, bool inclusive)
    {
        if (_list is not null)
        {
            return _list.CountBelow(score, inclusive);
        }

        // The first index whose score is above the bound: scores are ascending.
        int low = 0, high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var s = _scores![mid];
            if (s < score || (inclusive && s == score))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many members sort below <paramref name="member"/> in byte order, or at most it when <paramref name="inclusive"/>.</summary>
    /// <remarks>Meaningful when every score is equal, which Redis's lexicographic commands assume.</remarks>
    public long CountBelowLex(ReadOnlySpan<byte> member, bool inclusive)
    {
        if (_list is not null)
        {
            return _list.CountBelowLex(member, inclusive);
        }

        int low = 0, high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            var order = _members![mid].AsSpan().SequenceCompareTo(member);
            if (order < 0 || (inclusive && order == 0))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Removes <paramref name="count"/> entries from ascending rank <paramref name="start"/> on.</summary>
    public void RemoveRange(long start, long count)
    {
        if (count <= 0)
        {
            return;
        }

        if (_list is null)
        {
            RemoveAt((int)start, (int)count);
            return;
        }

        _list.DeleteRangeByRank(start + 1, start + count, Forget);
    }

    /// <summary>
    /// One step of <c>ZSCAN</c>: hands every entry to <paramref name="visit"/>. A listpack answers everything at
    /// once with cursor 0; a skiplist walks its dense array downwards from the cursor, about
    /// <paramref name="count"/> entries a step.
    /// </summary>
    /// <returns>The next cursor, 0 when the iteration is over.</returns>
    public ulong Scan(ulong cursor, long count, Action<SortedSetEntry> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (_list is null)
        {
            for (var i = 0; i < _count; i++)
            {
                visit(new SortedSetEntry(_members![i], _scores![i]));
            }

            return 0;
        }

        var length = (int)_list.Length;
        var position = cursor == 0 || cursor > (ulong)length ? length : (int)cursor;
        for (long visited = 0; position > 0 && visited < count; visited++)
        {
            var node = _dense![--position];
            visit(new SortedSetEntry(node.Member, node.Score));
        }

        return (ulong)position;
    }

    /// <summary>The entry at a uniformly random rank; the set must not be empty.</summary>
    public SortedSetEntry RandomElement(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return ElementAt(random.NextInt64(Count));
    }

    private int IndexOf(ReadOnlySpan<byte> member)
    {
        var members = _members!;
        for (var i = 0; i < _count; i++)
        {
            if (members[i].AsSpan().SequenceEqual(member))
            {
                return i;
            }
        }

        return -1;
    }

    private void Update(ReadOnlySpan<byte> member, double score)
    {
        if (_list is null)
        {
            var index = IndexOf(member);
            var stored = _members![index];
            RemoveAt(index, 1);
            Insert(stored, score);
            return;
        }

        var node = _dict!.GetAlternateLookup<ReadOnlySpan<byte>>()[member];
        var replacement = _list.UpdateScore(node, score);
        if (ReferenceEquals(replacement, node))
        {
            return;
        }

        replacement.DenseIndex = node.DenseIndex;
        _dense![node.DenseIndex] = replacement;
        _dict[node.Member] = replacement;
    }

    private void Insert(byte[] member, double score)
    {
        if (_list is not null)
        {
            SkipAdd(member, score);
            return;
        }

        // A listpack keeps a score as text without the sign of a zero: -0 reads back as 0, unlike in a skiplist.
        score += 0.0;
        int low = 0, high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Compare(_scores![mid], _members![mid], score, member) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        if (_count == _members!.Length)
        {
            Array.Resize(ref _members, _count * 2);
            Array.Resize(ref _scores, _count * 2);
        }

        Array.Copy(_members, low, _members, low + 1, _count - low);
        Array.Copy(_scores!, low, _scores!, low + 1, _count - low);
        _members[low] = member;
        _scores![low] = score;
        _count++;
    }

    private void RemoveAt(int index, int count)
    {
        var tail = _count - index - count;
        Array.Copy(_members!, index + count, _members!, index, tail);
        Array.Copy(_scores!, index + count, _scores!, index, tail);
        Array.Clear(_members!, _count - count, count);
        _count -= count;
    }

    private void SkipAdd(byte[] member, double score)
    {
        var node = _list!.Insert(score, member);
        var length = _dict!.Count;
        if (length == _dense!.Length)
        {
            Array.Resize(ref _dense, Math.Max(InitialCapacity, length * 2));
        }

        node.DenseIndex = length;
        _dense[length] = node;
        _dict.Add(member, node);
    }

    private void Forget(SkipListNode node)
    {
        _dict!.Remove(node.Member);
        var last = _dict.Count;
        var moved = _dense![last];
        _dense[node.DenseIndex] = moved;
        moved.DenseIndex = node.DenseIndex;
        _dense[last] = null!;
    }

    private void ToSkipList()
    {
        var members = _members!;
        var scores = _scores!;
        var count = _count;
        _list = new SkipList();
        _dict = new Dictionary<byte[], SkipListNode>(Math.Max(count, InitialCapacity), ByteKeyComparer.Instance);
        _dense = new SkipListNode[Math.Max(count * 2, InitialCapacity)];
        for (var i = 0; i < count; i++)
        {
            SkipAdd(members[i], scores[i]);
        }

        _members = null;
        _scores = null;
        _count = 0;
    }
}
