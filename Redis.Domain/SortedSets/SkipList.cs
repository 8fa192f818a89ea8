namespace Redis.Domain.SortedSets;

/// <summary>
/// Redis's <c>zskiplist</c>: nodes ordered by score, then by member bytes, with spans on every link so that a rank is
/// found in O(log n) (<c>t_zset.c</c>'s <c>zslInsert</c>, <c>zslDelete</c>, <c>zslGetRank</c>, <c>zslGetElementByRank</c>).
/// </summary>
internal sealed class SkipList
{
    /// <summary>Redis's <c>ZSKIPLIST_MAXLEVEL</c>.</summary>
    public const int MaxLevel = 32;

    private const int LevelProbabilityPercent = 25;

    private readonly SkipListNode _header = new([], 0, MaxLevel);
    private readonly SkipListNode?[] _update = new SkipListNode?[MaxLevel];
    private readonly long[] _rank = new long[MaxLevel];
    private readonly Random _random;
    private int _level = 1;

    public SkipList(Random? random = null) => _random = random ?? Random.Shared;

    public long Length { get; private set; }

    /// <summary>Links and spans of every node, for the footprint: the sum of the nodes' levels.</summary>
    public long LevelCount { get; private set; }

    public SkipListNode? First => _header.Levels[0].Forward;

    public SkipListNode? Last { get; private set; }

    /// <summary>Orders by score, then member bytes, as <c>zslInsert</c> compares.</summary>
    public static bool Precedes(double score, ReadOnlySpan<byte> member, SkipListNode node) =>
        node.Score < score || (node.Score == score && node.Member.AsSpan().SequenceCompareTo(member) < 0);

    public SkipListNode Insert(double score, byte[] member)
    {
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            _rank[i] = i == _level - 1 ? 0 : _rank[i + 1];
            while (x.Levels[i].Forward is { } next && Precedes(score, member, next))
            {
                _rank[i] += x.Levels[i].Span;
                x = next;
            }

            _update[i] = x;
        }

        var level = RandomLevel();
        if (level > _level)
        {
            for (var i = _level; i < level; i++)
            {
                _rank[i] = 0;
                _update[i] = _header;
                _header.Levels[i].Span = Length;
            }

            _level = level;
        }

        var node = new SkipListNode(member, score, level);
        for (var i = 0; i < level; i++)
        {
            var prev = _update[i]!;
            node.Levels[i].Forward = prev.Levels[i].Forward;
            prev.Levels[i].Forward = node;
            node.Levels[i].Span = prev.Levels[i].Span - (_rank[0] - _rank[i]);
            prev.Levels[i].Span = (_rank[0] - _rank[i]) + 1;
        }

        for (var i = level; i < _level; i++)
        {
            _update[i]!.Levels[i].Span++;
        }

        node.Backward = ReferenceEquals(_update[0], _header) ? null : _update[0];
        if (node.Levels[0].Forward is { } after)
        {
            after.Backward = node;
        }
        else
        {
            Last = node;
        }

        Length++;
        LevelCount += level;
        Array.Clear(_update);
        return node;
    }

    /// <summary>Unlinks the node holding <paramref name="score"/> and <paramref name="member"/>; false when there is none.</summary>
    public bool Delete(double score, ReadOnlySpan<byte> member)
    {
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            while (x.Levels[i].Forward is { } next && Precedes(score, member, next))
            {
                x = next;
            }

            _update[i] = x;
        }

        var target = x.Levels[0].Forward;
        var found = target is not null && target.Score == score && target.Member.AsSpan().SequenceEqual(member);
        if (found)
        {
            Unlink(target!);
        }

        Array.Clear(_update);
        return found;
    }

    /// <summary>
    /// Gives <paramref name="node"/> a new score (Redis's <c>zslUpdateScore</c>): in place when the node keeps its
    /// position, otherwise by removing it and inserting a new node.
    /// </summary>
    /// <returns>The node that now holds the member.</returns>
    public SkipListNode UpdateScore(SkipListNode node, double score)
    {
        var member = node.Member;
        if ((node.Backward is null || Precedes(score, member, node.Backward)) &&
            (node.Next is not { } next || !Precedes(score, member, next)))
        {
            node.Score = score;
            return node;
        }

        Delete(node.Score, member);
        return Insert(score, member);
    }

    /// <summary>The 1-based rank of the node holding <paramref name="score"/> and <paramref name="member"/>, 0 when there is none.</summary>
    public long GetRank(double score, ReadOnlySpan<byte> member)
    {
        long rank = 0;
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            while (x.Levels[i].Forward is { } next &&
                   (next.Score < score || (next.Score == score && next.Member.AsSpan().SequenceCompareTo(member) <= 0)))
            {
                rank += x.Levels[i].Span;
                x = next;
            }

            if (!ReferenceEquals(x, _header) && x.Score == score && x.Member.AsSpan().SequenceEqual(member))
            {
                return rank;
            }
        }

        return 0;
    }

    /// <summary>The node at a 1-based rank, or null.</summary>
    public SkipListNode? GetByRank(long rank)
    {
        long traversed = 0;
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            while (x.Levels[i].Forward is { } next && traversed + x.Levels[i].Span <= rank)
            {
                traversed += x.Levels[i].Span;
                x = next;
            }

            if (traversed == rank)
            {
                return ReferenceEquals(x, _header) ? null : x;
            }
        }

        return null;
    }

    /// <summary>How many nodes have a score below <paramref name="score"/> (or at most it, when <paramref name="inclusive"/>).</summary>
    public long CountBelow(double score, bool inclusive)
    {
        long rank = 0;
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            while (x.Levels[i].Forward is { } next && (next.Score < score || (inclusive && next.Score == score)))
            {
                rank += x.Levels[i].Span;
                x = next;
            }
        }

        return rank;
    }

    /// <summary>How many nodes have a member below <paramref name="member"/> in byte order (or at most it, when <paramref name="inclusive"/>).</summary>
    /// <remarks>Meaningful when every score is equal, as Redis's lexicographic ranges assume.</remarks>
    public long CountBelowLex(ReadOnlySpan<byte> member, bool inclusive)
    {
        long rank = 0;
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            while (x.Levels[i].Forward is { } next && Below(next.Member, member, inclusive))
            {
                rank += x.Levels[i].Span;
                x = next;
            }
        }

        return rank;

        static bool Below(byte[] candidate, ReadOnlySpan<byte> bound, bool inclusive)
        {
            var order = candidate.AsSpan().SequenceCompareTo(bound);
            return order < 0 || (inclusive && order == 0);
        }
    }

    /// <summary>Unlinks the nodes at 1-based ranks <paramref name="start"/>..<paramref name="end"/>, handing each to <paramref name="removed"/>.</summary>
    public void DeleteRangeByRank(long start, long end, Action<SkipListNode> removed)
    {
        long traversed = 0;
        var x = _header;
        for (var i = _level - 1; i >= 0; i--)
        {
            while (x.Levels[i].Forward is { } next && traversed + x.Levels[i].Span < start)
            {
                traversed += x.Levels[i].Span;
                x = next;
            }

            _update[i] = x;
        }

        traversed++;
        var node = x.Levels[0].Forward;
        while (node is not null && traversed <= end)
        {
            var following = node.Levels[0].Forward;
            Unlink(node);
            removed(node);
            traversed++;
            node = following;
        }

        Array.Clear(_update);
    }

    /// <summary>Unlinks a node found with <see cref="_update"/> filled (Redis's <c>zslDeleteNode</c>).</summary>
    private void Unlink(SkipListNode node)
    {
        for (var i = 0; i < _level; i++)
        {
            var prev = _update[i]!;
            if (ReferenceEquals(prev.Levels[i].Forward, node))
            {
                prev.Levels[i].Span += node.Levels[i].Span - 1;
                prev.Levels[i].Forward = node.Levels[i].Forward;
            }
            else
            {
                prev.Levels[i].Span--;
            }
        }

        if (node.Levels[0].Forward is { } after)
        {
            after.Backward = node.Backward;
        }
        else
        {
            Last = node.Backward;
        }

        while (_level > 1 && _header.Levels[_level - 1].Forward is null)
        {
            _level--;
        }

        Length--;
        LevelCount -= node.Levels.Length;
    }

    private int RandomLevel()
    {
        var level = 1;
        while (level < MaxLevel && _random.Next(100) < LevelProbabilityPercent)
        {
            level++;
        }

        return level;
    }
}
