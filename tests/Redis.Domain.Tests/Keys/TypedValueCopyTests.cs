using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;

namespace Redis.Domain.Tests.Keys;

/// <summary><see cref="TypedValue.Copy"/> (COPY's deep copy) for each type in both encodings, and <see cref="Keyspace.CopyTo"/>.</summary>
public class TypedValueCopyTests
{
    private const long Now = 1_000;

    [Theory]
    [InlineData(128, "listpack")]
    [InlineData(1, "hashtable")]
    public void AHashCopyKeepsTheEncodingAndIsIndependent(long maxEntries, string encoding)
    {
        var limits = new HashLimits(maxEntries, 64);
        var hash = new HashValue();
        hash.Set("a"u8, B("1"), limits);
        hash.Set("b"u8, B("2"), limits);

        var copy = (HashValue)hash.Copy();
        copy.Set("b"u8, B("9"), limits);
        copy.Set("c"u8, B("3"), limits);
        copy.Remove("a"u8);

        Assert.Equal(encoding, copy.Encoding);
        Assert.Equal(2, hash.Length);
        Assert.True(hash.TryGetValue("a"u8, out var a) && a.SequenceEqual(B("1")));
        Assert.False(hash.Contains("c"u8));
        Assert.True(hash.TryGetValue("b"u8, out var b) && b.SequenceEqual(B("2")));
        Assert.Equal(2, copy.Length);
        Assert.True(copy.Contains("c"u8) && copy.Contains("b"u8) && !copy.Contains("a"u8));
    }

    [Theory]
    [InlineData("1", "2", "intset")]
    [InlineData("x", "y", "hashtable")]
    public void ASetCopyKeepsTheEncodingAndIsIndependent(string first, string second, string encoding)
    {
        var set = new SetValue();
        set.Add(B(first), 512);
        set.Add(B(second), 512);

        var copy = (SetValue)set.Copy();
        Assert.Equal(encoding, copy.Encoding);
        copy.Remove(B(first));
        copy.Add(B("3"), 512);

        Assert.True(set.Contains(B(first)) && set.Contains(B(second)) && !set.Contains(B("3")));
        Assert.True(!copy.Contains(B(first)) && copy.Contains(B(second)) && copy.Contains(B("3")));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void AListCopyIsIndependentAndStartsItsOwnPushCount()
    {
        var list = new ListValue();
        list.Push(B("a"), left: false);
        list.Push(B("b"), left: false);

        var copy = (ListValue)list.Copy();
        copy.Push(B("z"), left: true);
        copy.Pop(left: false);

        Assert.Equal(["a", "b"], Elements(list));
        Assert.Equal(["z", "a"], Elements(copy));
        Assert.Equal(2, list.Pushes);
        Assert.Equal(1, copy.Pushes);
    }

    [Theory]
    [InlineData(128, "listpack")]
    [InlineData(2, "skiplist")]
    public void ASortedSetCopyKeepsOrderRanksAndEncodingAndIsIndependent(long maxEntries, string encoding)
    {
        var set = new SortedSetValue();
        foreach (var (member, score) in new[] { ("c", 3.0), ("a", 1.0), ("b", 2.0), ("d", 2.0) })
        {
            set.Add(B(member), score, ZAddOptions.None, maxEntries, 64, out _);
        }

        var copy = (SortedSetValue)set.Copy();
        Assert.Equal(encoding, copy.Encoding);
        copy.Add(B("a"), 10, ZAddOptions.None, maxEntries, 64, out _);
        copy.Remove(B("b"));

        Assert.Equal(["a:1", "b:2", "d:2", "c:3"], Members(set));
        Assert.Equal(["d:2", "c:3", "a:10"], Members(copy));
        Assert.Equal(2, copy.RankOf(B("a")));
        Assert.True(copy.TryGetScore(B("d"), out var d) && d == 2);
    }

    [Fact]
    public void CopyToCopiesAStringWithItsTtlAndACollectionAsAnIndependentValue()
    {
        var databases = new Databases(2);
        var (source, other) = (databases[0], databases[1]);
        source.Set("s"u8, "v"u8, expiresAt: 5_000);
        var list = new ListValue();
        list.Push(B("a"), left: false);
        source.Set("l"u8, list);

        Assert.True(source.CopyTo("s"u8, other, "t"u8, replace: false, Now));
        Assert.True(source.CopyTo("l"u8, source, "l2"u8, replace: false, Now));

        Assert.Equal(KeyLookup.Found, other.Get("t"u8, Now, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value.ToArray());
        Assert.Equal(5_000, entry.ExpiresAt);
        Assert.Equal(KeyLookup.Found, source.Get<ListValue>("l2"u8, Now, out var copy));
        Assert.NotSame(list, copy);
        Assert.True(source.TryGetExpiry("l2"u8, Now, out var listExpiry) && listExpiry == Entry.NoExpiry);
    }

    [Fact]
    public void CopyToAnswersFalseForAMissingSourceOrALiveDestinationWithoutReplace()
    {
        var keyspace = new Keyspace();
        keyspace.Set("a"u8, "1"u8);
        keyspace.Set("b"u8, "2"u8);
        keyspace.Set("old"u8, "3"u8, expiresAt: Now - 1);

        Assert.False(keyspace.CopyTo("missing"u8, keyspace, "x"u8, replace: false, Now));
        Assert.False(keyspace.CopyTo("a"u8, keyspace, "b"u8, replace: false, Now));
        Assert.True(keyspace.CopyTo("a"u8, keyspace, "old"u8, replace: false, Now));
        Assert.True(keyspace.CopyTo("a"u8, keyspace, "b"u8, replace: true, Now));

        Assert.Equal(KeyLookup.Found, keyspace.Get("b"u8, Now, out var b));
        Assert.Equal("1"u8.ToArray(), b.Value.ToArray());
        Assert.Equal(KeyLookup.Found, keyspace.Get("old"u8, Now, out var old));
        Assert.Equal(Entry.NoExpiry, old.ExpiresAt);
        Assert.Equal(1, keyspace.KeyspaceMisses);
    }

    [Fact]
    public void CopyToMarksTheDestinationsWatch()
    {
        var keyspace = new Keyspace();
        keyspace.Set("a"u8, "1"u8);
        var watch = keyspace.Watch("b"u8, Now);

        keyspace.CopyTo("a"u8, keyspace, "b"u8, replace: false, Now);

        Assert.True(watch.IsTouched);
    }

    private static byte[] B(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    private static string[] Elements(ListValue list) =>
        [.. Enumerable.Range(0, list.Length).Select(i => System.Text.Encoding.ASCII.GetString(list[i]))];

    private static string[] Members(SortedSetValue set) =>
        [.. set.Range(0, set.Count, reverse: false).Select(e => $"{System.Text.Encoding.ASCII.GetString(e.Member)}:{e.Score}")];
}
