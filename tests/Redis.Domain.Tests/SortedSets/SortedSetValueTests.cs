using System.Text;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;

namespace Redis.Domain.Tests.SortedSets;

/// <summary>The sorted set in both encodings: Redis's order, <c>zsetAdd</c>'s options, ranks, ranges and conversion.</summary>
public class SortedSetValueTests
{
    private const long MaxEntries = 128;
    private const long MaxValue = 64;

    private static byte[] B(string text) => Encoding.ASCII.GetBytes(text);

    private static ZAddOutcome Add(SortedSetValue set, string member, double score, ZAddOptions options = ZAddOptions.None) =>
        set.Add(B(member), score, options, MaxEntries, MaxValue, out _);

    private static string[] Members(SortedSetValue set) =>
        [.. set.Range(0, set.Count, reverse: false).Select(e => Encoding.ASCII.GetString(e.Member))];

    [Fact]
    public void OrdersByScoreThenMemberBytes()
    {
        var set = new SortedSetValue();
        Add(set, "b", 1);
        Add(set, "a", 1);
        Add(set, "c", 0);
        Add(set, "z", double.NegativeInfinity);
        Assert.Equal(["z", "c", "a", "b"], Members(set));
        Assert.Equal("listpack", set.Encoding);
        Assert.Equal(KeyType.ZSet, set.Type);
        Assert.Equal(2, set.RankOf("a"u8));
        Assert.Equal(-1, set.RankOf("nope"u8));
    }

    [Fact]
    public void AddHonoursNxXxGtLtAndIncr()
    {
        var set = new SortedSetValue();
        Assert.Equal(ZAddOutcome.Added, Add(set, "m", 5));
        Assert.Equal(ZAddOutcome.Nop, Add(set, "m", 9, ZAddOptions.Nx));
        Assert.Equal(ZAddOutcome.Nop, Add(set, "n", 9, ZAddOptions.Xx));
        Assert.Equal(ZAddOutcome.Nop, Add(set, "m", 4, ZAddOptions.Gt));
        Assert.Equal(ZAddOutcome.Updated, Add(set, "m", 6, ZAddOptions.Gt));
        Assert.Equal(ZAddOutcome.Nop, Add(set, "m", 7, ZAddOptions.Lt));
        Assert.Equal(ZAddOutcome.Unchanged, Add(set, "m", 6));
        Assert.Equal(ZAddOutcome.Updated, set.Add(B("m"), 1.5, ZAddOptions.Incr, MaxEntries, MaxValue, out var incremented));
        Assert.Equal(7.5, incremented);
        Add(set, "inf", double.PositiveInfinity);
        Assert.Equal(ZAddOutcome.NotANumber, set.Add(B("inf"), double.NegativeInfinity, ZAddOptions.Incr, MaxEntries, MaxValue, out _));
        Assert.True(set.TryGetScore("inf"u8, out var score) && double.IsPositiveInfinity(score));
    }

    [Fact]
    public void ConvertsToSkipListPastTheEntryLimit()
    {
        var set = new SortedSetValue();
        for (var i = 0; i < MaxEntries; i++)
        {
            Add(set, $"m{i:D3}", i);
        }

        Assert.Equal("listpack", set.Encoding);
        Add(set, "last", 1000);
        Assert.Equal("skiplist", set.Encoding);
        Assert.Equal(MaxEntries + 1, set.Count);
        Assert.Equal("m000", Encoding.ASCII.GetString(set.ElementAt(0).Member));
        Assert.Equal(MaxEntries, set.RankOf("last"u8));

        // It never converts back.
        set.RemoveRange(0, 100);
        Assert.Equal("skiplist", set.Encoding);
    }

    [Fact]
    public void ConvertsToSkipListForALongMember()
    {
        var set = new SortedSetValue();
        Add(set, new string('x', (int)MaxValue), 1);
        Assert.Equal("listpack", set.Encoding);
        Add(set, new string('y', (int)MaxValue + 1), 2);
        Assert.Equal("skiplist", set.Encoding);
    }

    [Fact]
    public void CreateChoosesTheEncodingItsSizeCallsFor()
    {
        var small = SortedSetValue.Create([new(B("b"), 2), new(B("a"), 1)], MaxEntries, MaxValue);
        Assert.Equal("listpack", small.Encoding);
        Assert.Equal(["a", "b"], Members(small));

        var entries = Enumerable.Range(0, 129).Select(i => new SortedSetEntry(B($"e{i}"), -i)).ToList();
        var large = SortedSetValue.Create(entries, MaxEntries, MaxValue);
        Assert.Equal("skiplist", large.Encoding);
        Assert.Equal("e128", Encoding.ASCII.GetString(large.ElementAt(0).Member));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void BothEncodingsAgreeWithASortedModel(long maxEntries)
    {
        var random = new Random(42);
        var set = new SortedSetValue();
        var model = new Dictionary<string, double>();
        for (var step = 0; step < 3000; step++)
        {
            var member = $"k{random.Next(300)}";
            if (random.Next(4) == 0)
            {
                Assert.Equal(model.Remove(member), set.Remove(B(member)));
            }
            else
            {
                double score = random.Next(50);
                set.Add(B(member), score, ZAddOptions.None, maxEntries, MaxValue, out _);
                model[member] = score;
            }
        }

        Assert.Equal(maxEntries == 0 ? "skiplist" : "listpack", set.Encoding);
        var sorted = model.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
        Assert.Equal(sorted.Select(p => p.Key), Members(set));
        Assert.Equal(sorted.Reverse().Select(p => p.Key),
            set.Range(set.Count - 1, set.Count, reverse: true).Select(e => Encoding.ASCII.GetString(e.Member)));
        for (var i = 0; i < sorted.Length; i++)
        {
            Assert.Equal(i, set.RankOf(B(sorted[i].Key)));
            Assert.Equal(sorted[i].Value, set.ElementAt(i).Score);
        }

        for (var s = -1; s <= 51; s++)
        {
            Assert.Equal(sorted.Count(p => p.Value < s), set.CountBelow(s, inclusive: false));
            Assert.Equal(sorted.Count(p => p.Value <= s), set.CountBelow(s, inclusive: true));
        }

        set.RemoveRange(10, 20);
        Assert.Equal(sorted.Take(10).Concat(sorted.Skip(30)).Select(p => p.Key), Members(set));
        foreach (var p in sorted.Skip(10).Take(20))
        {
            Assert.False(set.TryGetScore(B(p.Key), out _));
        }
    }

    [Fact]
    public void LexCountsAssumeEqualScores()
    {
        foreach (var maxEntries in new long[] { 0, MaxEntries })
        {
            var set = new SortedSetValue();
            foreach (var m in new[] { "a", "b", "c", "d" })
            {
                set.Add(B(m), 0, ZAddOptions.None, maxEntries, MaxValue, out _);
            }

            Assert.Equal(1, set.CountBelowLex("b"u8, inclusive: false));
            Assert.Equal(2, set.CountBelowLex("b"u8, inclusive: true));
            Assert.Equal(4, set.CountBelowLex("zz"u8, inclusive: false));
            Assert.Equal(0, set.CountBelowLex(""u8, inclusive: true));
        }
    }

    [Fact]
    public void SkipListScanReturnsEveryMemberPresentThroughoutDespiteRemovals()
    {
        var set = new SortedSetValue();
        for (var i = 0; i < 500; i++)
        {
            set.Add(B($"m{i}"), i, ZAddOptions.None, MaxEntries, MaxValue, out _);
        }

        var seen = new HashSet<string>();
        ulong cursor = 0;
        var removed = 0;
        do
        {
            cursor = set.Scan(cursor, 10, e => seen.Add(Encoding.ASCII.GetString(e.Member)));
            set.Remove(B($"m{removed}"));
            removed += 3;
            set.Add(B($"new{removed}"), -1, ZAddOptions.None, MaxEntries, MaxValue, out _);
        }
        while (cursor != 0);

        for (var i = 0; i < 500; i++)
        {
            if (i % 3 != 0 || i >= removed)
            {
                Assert.Contains($"m{i}", seen);
            }
        }
    }

    [Fact]
    public void ListpackScanAnswersEverythingInOneStep()
    {
        var set = new SortedSetValue();
        Add(set, "b", 2);
        Add(set, "a", 1);
        var seen = new List<string>();
        Assert.Equal(0UL, set.Scan(0, 1, e => seen.Add(Encoding.ASCII.GetString(e.Member))));
        Assert.Equal(["a", "b"], seen);
    }

    [Fact]
    public void RandomElementsCoverTheSet()
    {
        var random = new Random(1);
        foreach (var maxEntries in new long[] { 0, MaxEntries })
        {
            var set = new SortedSetValue();
            for (var i = 0; i < 10; i++)
            {
                set.Add(B($"m{i}"), i, ZAddOptions.None, maxEntries, MaxValue, out _);
            }

            var seen = new HashSet<string>();
            for (var i = 0; i < 500; i++)
            {
                seen.Add(Encoding.ASCII.GetString(set.RandomElement(random).Member));
            }

            Assert.Equal(10, seen.Count);
        }
    }

    [Fact]
    public void FootprintGrowsWithTheMembers()
    {
        var set = new SortedSetValue();
        var empty = set.Footprint;
        Add(set, new string('x', 50), 1);
        Assert.True(set.Footprint > empty + 50);
        var skip = SortedSetValue.Create([new(B("a"), 1)], 0, MaxValue);
        Assert.True(skip.Footprint > 0);
    }
}
