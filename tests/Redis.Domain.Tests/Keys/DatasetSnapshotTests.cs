using System.Text;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>
/// The point-in-time snapshot BGSAVE writes from: whatever the serving thread does once it is open, the snapshot reads
/// what every key held at that instant (ADR 0029).
/// </summary>
public class DatasetSnapshotTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Databases _databases = new(2, new Random(5));

    private Keyspace Keyspace => _databases[0];

    [Fact]
    public void HoldsEveryLiveKeyWithItsValueAndExpiry()
    {
        Keyspace.Set("a"u8, "1"u8);
        Keyspace.Set("b"u8, "2"u8, Now + 5000);
        Keyspace.Set("gone"u8, "x"u8, Now - 1);
        _databases[1].Set("h"u8, Hash(("f", "v")));

        var snapshot = _databases.OpenSnapshot(Now);

        Assert.Equal(2, snapshot.Databases.Count);
        Assert.Equal(3, snapshot.KeyCount);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, Strings(snapshot.Databases[0]));
        Assert.Equal(1, snapshot.Databases[0].VolatileCount);
        Assert.Equal(Now + 5000, Find(snapshot.Databases[0], "b").ExpiresAt);
        var hash = Find(snapshot.Databases[1], "h");
        Assert.Equal(1, hash.Value!.Count);
        Assert.True(hash.String.IsEmpty);
    }

    [Fact]
    public void KeepsTheStringsAsTheyWereWhateverIsWrittenAfter()
    {
        var large = new string('L', 20_000);
        Keyspace.Set("same-size"u8, "aaaa"u8);
        Keyspace.Set("appended"u8, Encoding.ASCII.GetBytes(large));
        Keyspace.Set("ranged"u8, "0123456789"u8);
        Keyspace.Set("deleted"u8, Encoding.ASCII.GetBytes(large));
        Keyspace.Set("renamed"u8, "r"u8);
        Keyspace.Set("ttl"u8, "t"u8);
        var snapshot = _databases.OpenSnapshot(Now);

        Keyspace.Set("same-size"u8, "bbbb"u8);
        Keyspace.Append("appended"u8, "!"u8, Now);
        Keyspace.OpenForWrite("ranged"u8, Now, 4, out var bytes, out _);
        "XY"u8.CopyTo(bytes);
        Keyspace.Remove("deleted"u8, Now);
        Keyspace.RecycleRetiredRecords();
        Keyspace.Set("new-large"u8, Encoding.ASCII.GetBytes(new string('N', 20_000)));
        Keyspace.Rename("renamed"u8, "other"u8, Now);
        Keyspace.SetExpiry("ttl"u8, Now + 10, Now);

        var image = snapshot.Databases[0];
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["same-size"] = "aaaa", ["appended"] = large, ["ranged"] = "0123456789", ["deleted"] = large, ["renamed"] = "r", ["ttl"] = "t",
            },
            Strings(image));
        Assert.Equal(Entry.NoExpiry, Find(image, "ttl").ExpiresAt);
        Assert.Equal("bbbb"u8.ToArray(), Value("same-size"));
        Assert.Equal("XY23456789"u8.ToArray(), Value("ranged"));
    }

    [Fact]
    public void KeepsEveryKeyThroughAFlushAll()
    {
        Keyspace.Set("a"u8, "1"u8);
        _databases[1].Set("h"u8, Hash(("f", "v")));
        var snapshot = _databases.OpenSnapshot(Now);

        _databases.Clear();

        Assert.Equal(0, _databases.KeyCount);
        Assert.Equal(2, snapshot.KeyCount);
        Assert.Equal("1", Encoding.ASCII.GetString(Find(snapshot.Databases[0], "a").String.Span));
    }

    [Fact]
    public void AWriterChangesACopyOfACollectionTheSnapshotHolds()
    {
        var stored = Hash(("f", "old"));
        Keyspace.Set("h"u8, stored);
        var snapshot = _databases.OpenSnapshot(Now);

        Assert.Equal(KeyLookup.Found, Keyspace.Get("h"u8, Now, out HashValue? written));
        written!.Set("f"u8, "new"u8.ToArray(), HashLimits.Default);
        written.Set("g"u8, "added"u8.ToArray(), HashLimits.Default);
        Keyspace.Changed("h"u8, written);

        Assert.NotSame(stored, written);
        Assert.Same(stored, Find(snapshot.Databases[0], "h").Value);
        Assert.True(stored.TryGetValue("f"u8, out var old));
        Assert.Equal("old"u8.ToArray(), old);
        Assert.Equal(1, stored.Count);
        Assert.Equal(KeyLookup.Found, Keyspace.Read("h"u8, Now, out HashValue? read));
        Assert.Same(written, read);
        Assert.Equal(2, read!.Count);

        Assert.Equal(KeyLookup.Found, Keyspace.Get("h"u8, Now, out HashValue? again));
        Assert.Same(written, again);
    }

    [Fact]
    public void AReaderOfACollectionGetsTheSharedValueWithoutACopy()
    {
        var stored = Hash(("f", "v"));
        Keyspace.Set("h"u8, stored);
        _databases.OpenSnapshot(Now);

        Assert.Equal(KeyLookup.Found, Keyspace.Read("h"u8, Now, out HashValue? read));

        Assert.Same(stored, read);
    }

    [Fact]
    public void ARenamedCollectionKeepsItsOldNameInTheSnapshot()
    {
        Keyspace.Set("before"u8, Hash(("f", "v")));
        var snapshot = _databases.OpenSnapshot(Now);

        Keyspace.Rename("before"u8, "after"u8, Now);
        Keyspace.Get("after"u8, Now, out HashValue? moved);
        moved!.Set("g"u8, "w"u8.ToArray(), HashLimits.Default);

        var entry = snapshot.Databases[0][0];
        Assert.Equal("before", Encoding.ASCII.GetString(entry.Key.Span));
        Assert.Equal(1, entry.Value!.Count);
    }

    [Fact]
    public void WritesInPlaceAgainOnceClosed()
    {
        var stored = Hash(("f", "v"));
        Keyspace.Set("h"u8, stored);
        var snapshot = _databases.OpenSnapshot(Now);

        snapshot.Close();
        snapshot.Close();

        Assert.False(snapshot.IsOpen);
        Assert.False(_databases.SnapshotOpen);
        Assert.Equal(KeyLookup.Found, Keyspace.Get("h"u8, Now, out HashValue? written));
        Assert.Same(stored, written);
    }

    [Fact]
    public void RetiresNoRecordForReuseWhileOpen()
    {
        var large = Encoding.ASCII.GetBytes(new string('L', 20_000));
        Keyspace.Set("k"u8, large);
        var snapshot = _databases.OpenSnapshot(Now);

        Keyspace.Remove("k"u8, Now);
        Keyspace.RecycleRetiredRecords();
        Keyspace.Set("k2"u8, Encoding.ASCII.GetBytes(new string('M', 20_000)));

        Assert.Equal(large, Find(snapshot.Databases[0], "k").String.ToArray());
        snapshot.Close();
        Keyspace.Remove("k2"u8, Now);
        Keyspace.RecycleRetiredRecords();
        Keyspace.Set("k3"u8, large);
        Assert.Equal(large, Value("k3"));
    }

    [Fact]
    public void OpensOneSnapshotAtATime()
    {
        var first = _databases.OpenSnapshot(Now);

        Assert.Throws<InvalidOperationException>(() => _databases.OpenSnapshot(Now));

        first.Close();
        var second = _databases.OpenSnapshot(Now);
        Assert.True(second.IsOpen);
        Assert.False(first.IsOpen);
    }

    [Fact]
    public void AValueMarkedByAClosedSnapshotIsNotCopiedForTheNextOne()
    {
        var stored = Hash(("f", "v"));
        Keyspace.Set("h"u8, stored);
        _databases.OpenSnapshot(Now).Close();
        Keyspace.Set("other"u8, Hash(("g", "w")));
        var second = _databases.OpenSnapshot(Now);

        Keyspace.Get("h"u8, Now, out HashValue? written);

        Assert.NotSame(stored, written);
        Assert.Same(stored, Find(second.Databases[0], "h").Value);
    }

    private static HashValue Hash(params (string Field, string Value)[] pairs)
    {
        var hash = new HashValue();
        foreach (var (field, value) in pairs)
        {
            hash.Set(Encoding.ASCII.GetBytes(field), Encoding.ASCII.GetBytes(value), HashLimits.Default);
        }

        return hash;
    }

    private static Dictionary<string, string> Strings(DatabaseImage image)
    {
        var strings = new Dictionary<string, string>();
        for (var i = 0; i < image.Count; i++)
        {
            var entry = image[i];
            if (entry.Value is null)
            {
                strings.Add(Encoding.ASCII.GetString(entry.Key.Span), Encoding.ASCII.GetString(entry.String.Span));
            }
        }

        return strings;
    }

    private static SnapshotEntry Find(DatabaseImage image, string key)
    {
        for (var i = 0; i < image.Count; i++)
        {
            if (Encoding.ASCII.GetString(image[i].Key.Span) == key)
            {
                return image[i];
            }
        }

        throw new KeyNotFoundException(key);
    }

    private byte[] Value(string key)
    {
        Assert.Equal(KeyLookup.Found, Keyspace.Get(Encoding.ASCII.GetBytes(key), Now, out var entry));
        Keyspace.EndCommand();
        return entry.Value.ToArray();
    }
}
