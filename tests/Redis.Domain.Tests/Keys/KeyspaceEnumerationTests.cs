using System.Text;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>The primitives behind KEYS, SCAN, RANDOMKEY, RENAME, PERSIST and the read counters.</summary>
public class KeyspaceEnumerationTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Keyspace _keyspace = new(new Random(42));

    [Fact]
    public void ScanVisitsEveryKeyOnceWhenNothingChanges()
    {
        AddKeys("k", 100);

        var seen = ScanAll(count: 7, between: null);

        Assert.Equal(100, seen.Count);
        Assert.Equal(100, seen.Distinct().Count());
    }

    [Fact]
    public void ScanReturnsEveryKeyPresentThroughoutDespiteInsertsAndDeletes()
    {
        AddKeys("stable", 200);
        AddKeys("churn", 200);
        var step = 0;

        var seen = ScanAll(count: 5, between: () =>
        {
            _keyspace.Remove(Key($"churn:{step}"), Now);
            _keyspace.Remove(Key($"churn:{199 - step}"), Now);
            _keyspace.Set(Key($"new:{step}"), [1]);
            step++;
        });

        Assert.All(Enumerable.Range(0, 200), i => Assert.Contains($"stable:{i}", seen));
    }

    [Fact]
    public void ScanSkipsAndReclaimsExpiredKeys()
    {
        _keyspace.Set("live"u8, [1]);
        _keyspace.Set("dead"u8, [1], Now - 1);

        var seen = ScanAll(count: 10, between: null);

        Assert.Equal(["live"], seen);
        Assert.Equal(1, _keyspace.Count);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }

    [Fact]
    public void ScanOfAnEmptyKeyspaceEndsAtOnce()
    {
        Assert.Equal(0, _keyspace.Scan(0, 10, Now, (_, _) => Assert.Fail("no key expected")));
    }

    [Fact]
    public void LiveKeysListsEveryLiveKeyWithoutRemovingExpiredOnes()
    {
        AddKeys("k", 3);
        _keyspace.Set("dead"u8, [1], Now - 1);

        Assert.Equal(["k:0", "k:1", "k:2"], _keyspace.LiveKeys(Now).Select(key => Encoding.UTF8.GetString(key.Span)).Order());
        Assert.Equal(4, _keyspace.Count);
    }

    [Fact]
    public void RandomKeyPicksLiveKeysAndReclaimsExpiredPicks()
    {
        Assert.False(_keyspace.TryGetRandomKey(Now, out _));
        _keyspace.Set("dead1"u8, [1], Now - 1);
        _keyspace.Set("dead2"u8, [1], Now - 1);
        _keyspace.Set("live"u8, [1]);

        Assert.True(_keyspace.TryGetRandomKey(Now, out var key));
        Assert.Equal("live", Encoding.UTF8.GetString(key.Span));
        Assert.Equal(Enumerable.Repeat("live", 20), Enumerable.Range(0, 20).Select(_ =>
        {
            _keyspace.TryGetRandomKey(Now, out var k);
            return Encoding.UTF8.GetString(k.Span);
        }));
        Assert.Equal(1, _keyspace.Count);
    }

    [Fact]
    public void RenameMovesValueAndTtlAndReplacesTheTarget()
    {
        _keyspace.Set("src"u8, "v"u8.ToArray(), Now + 5000);
        _keyspace.Set("dst"u8, "old"u8.ToArray());

        Assert.True(_keyspace.Rename("src"u8, "dst"u8, Now));

        Assert.False(_keyspace.Exists("src"u8, Now));
        Assert.Equal(KeyLookup.Found, _keyspace.Get("dst"u8, Now, out var entry));
        Assert.Equal("v"u8.ToArray(), entry.Value);
        Assert.Equal(Now + 5000, entry.ExpiresAt);
        Assert.Equal(1, _keyspace.Count);
        Assert.Equal(1, _keyspace.VolatileCount);
        Assert.False(_keyspace.Rename("missing"u8, "x"u8, Now));
        Assert.True(_keyspace.Rename("dst"u8, "dst"u8, Now));
    }

    [Fact]
    public void PersistRemovesOnlyAnExistingTtl()
    {
        _keyspace.Set("k"u8, [1], Now + 1000);

        Assert.True(_keyspace.Persist("k"u8, Now));
        Assert.False(_keyspace.Persist("k"u8, Now));
        Assert.False(_keyspace.Persist("missing"u8, Now));
        Assert.Equal(0, _keyspace.VolatileCount);
        Assert.True(_keyspace.Exists("k"u8, Now + 5000));
    }

    [Fact]
    public void TryReadCountsHitsAndMissesButTryGetDoesNot()
    {
        _keyspace.Set("k"u8, [1]);

        _keyspace.Read("k"u8, Now, out _);
        _keyspace.Read("missing"u8, Now, out _);
        _keyspace.Read("missing"u8, Now, out _);
        _keyspace.Get("k"u8, Now, out _);

        Assert.Equal(1, _keyspace.KeyspaceHits);
        Assert.Equal(2, _keyspace.KeyspaceMisses);
    }

    [Fact]
    public void ClearEmptiesEveryIndex()
    {
        AddKeys("k", 10);

        _keyspace.Clear();

        Assert.Equal(0, _keyspace.Count);
        Assert.False(_keyspace.TryGetRandomKey(Now, out _));
        Assert.Empty(_keyspace.LiveKeys(Now));
    }

    private static byte[] Key(string text) => Encoding.UTF8.GetBytes(text);

    private void AddKeys(string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _keyspace.Set(Key($"{prefix}:{i}"), [1]);
        }
    }

    private List<string> ScanAll(int count, Action? between)
    {
        var seen = new List<string>();
        long cursor = 0;
        var steps = 0;
        do
        {
            cursor = _keyspace.Scan(cursor, count, Now, (key, _) => seen.Add(Encoding.UTF8.GetString(key.Span)));
            between?.Invoke();
            Assert.True(++steps < 10_000, "SCAN did not terminate");
        }
        while (cursor != 0);

        return seen;
    }
}
