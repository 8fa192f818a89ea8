namespace Redis.Domain.SortedSets;

/// <summary>A node of <see cref="SkipList"/>: one member, its score, and one forward link with its span per level.</summary>
internal sealed class SkipListNode(byte[] member, double score, int levels)
{
    public byte[] Member { get; } = member;

    public double Score { get; set; } = score;

    public SkipListNode? Backward { get; set; }

    /// <summary>The links, level 0 first: the next node on that level and how many nodes it skips over plus one (Redis's <c>span</c>).</summary>
    public SkipListLevel[] Levels { get; } = new SkipListLevel[levels];

    /// <summary>The node's position in its set's dense array of nodes (for <c>ZSCAN</c>).</summary>
    public int DenseIndex { get; set; }

    public SkipListNode? Next => Levels[0].Forward;
}

/// <summary>One level of a <see cref="SkipListNode"/>.</summary>
internal struct SkipListLevel
{
    public SkipListNode? Forward;
    public long Span;
}
