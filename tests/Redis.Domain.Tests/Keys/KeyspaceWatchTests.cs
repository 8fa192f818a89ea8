using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>What marks a <see cref="KeyWatch"/>: Redis's <c>signalModifiedKey</c> calls, and nothing that only reads.</summary>
public class KeyspaceWatchTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Keyspace _keyspace = new(new Random(1234));

    /// <summary>Each operation, and whether Redis would signal the key as modified.</summary>
    public static TheoryData<string, Action<Keyspace>, bool> Operations => new()
    {
        { "set", k => k.Set("k"u8, "w"u8), true },
        { "set keeping the ttl", k => k.SetKeepTtl("k"u8, "w"u8, Now), true },
        { "exchange", k => k.Exchange("k"u8, "w"u8, Entry.NoExpiry, Now, out _), true },
        { "append", k => k.Append("k"u8, "w"u8, Now), true },
        { "expiry set", k => k.SetExpiry("k"u8, Now + 1000, Now), true },
        { "expiry in the past", k => k.SetExpiry("k"u8, Now - 1, Now), true },
        { "persist", k => k.Persist("k"u8, Now), true },
        { "remove", k => k.Remove("k"u8, Now), true },
        { "rename from", k => k.Rename("k"u8, "other"u8, Now), true },
        { "clear", k => k.Clear(), true },
        { "get", k => k.Get("k"u8, Now, out _), false },
        { "read", k => k.Read("k"u8, Now, out _), false },
        { "peek", k => k.Peek("k"u8, Now, out _, out _), false },
        { "exists", k => k.Exists("k"u8, Now), false },
        { "random key", k => k.TryGetRandomKey(Now, out _), false },
        { "scan", k => k.Scan(0, 10, Now, (_, _) => { }), false },
        { "rename to itself", k => k.Rename("k"u8, "k"u8, Now), false },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void MarksTheWatchOnlyGivenAChange(string operation, Action<Keyspace> act, bool changes)
    {
        ArgumentNullException.ThrowIfNull(act);
        _keyspace.Set("k"u8, "v"u8, Now + 5000);
        var watch = _keyspace.Watch("k"u8, Now);

        act(_keyspace);

        Assert.True(watch.IsTouched == changes, operation);
    }

    [Fact]
    public void MarksBothKeysOfARename()
    {
        _keyspace.Set("a"u8, "v"u8);
        var source = _keyspace.Watch("a"u8, Now);
        var destination = _keyspace.Watch("b"u8, Now);

        _keyspace.Rename("a"u8, "b"u8, Now);

        Assert.True(source.IsTouched);
        Assert.True(destination.IsTouched);
    }

    [Fact]
    public void MarksOnlyTheKeyThatChanged()
    {
        _keyspace.Set("a"u8, "v"u8);
        var watch = _keyspace.Watch("a"u8, Now);

        _keyspace.Set("b"u8, "v"u8);
        _keyspace.Remove("c"u8, Now);

        Assert.False(watch.IsTouched);
    }

    [Fact]
    public void MarksEveryWatchOfTheKey()
    {
        var first = _keyspace.Watch("k"u8, Now);
        var second = _keyspace.Watch("k"u8, Now);

        _keyspace.Set("k"u8, "v"u8);

        Assert.True(first.IsTouched);
        Assert.True(second.IsTouched);
    }

    [Fact]
    public void MarksTheWatchWhenTheKeyExpiresLazilyOrInASweep()
    {
        _keyspace.Set("lazy"u8, "v"u8, Now + 10);
        _keyspace.Set("swept"u8, "v"u8, Now + 10);
        var lazy = _keyspace.Watch("lazy"u8, Now);
        var swept = _keyspace.Watch("swept"u8, Now);

        Assert.False(_keyspace.Exists("lazy"u8, Now + 11));
        _keyspace.SweepExpired(Now + 11);

        Assert.True(lazy.IsTouched);
        Assert.True(swept.IsTouched);
    }

    [Fact]
    public void ClearMarksOnlyKeysThatAreStored()
    {
        _keyspace.Set("present"u8, "v"u8);
        var present = _keyspace.Watch("present"u8, Now);
        var absent = _keyspace.Watch("absent"u8, Now);

        _keyspace.Clear();

        Assert.True(present.IsTouched);
        Assert.False(absent.IsTouched);
    }

    [Fact]
    public void ReportsAKeyThatExpiredSinceItWasWatchedWithoutRemovingIt()
    {
        _keyspace.Set("k"u8, "v"u8, Now + 10);
        var watch = _keyspace.Watch("k"u8, Now);

        Assert.False(_keyspace.HasExpiredSinceWatched(watch, Now + 10));
        Assert.True(_keyspace.HasExpiredSinceWatched(watch, Now + 11));
        Assert.False(watch.IsTouched);
        Assert.Equal(1, _keyspace.Count);
    }

    /// <summary>Redis's <c>wk->expired</c>: removing a key that was already dead when watched changes nothing.</summary>
    [Fact]
    public void IgnoresTheRemovalOfAKeyAlreadyExpiredWhenWatched()
    {
        _keyspace.Set("k"u8, "v"u8, Now - 1);
        var watch = _keyspace.Watch("k"u8, Now);

        Assert.False(_keyspace.HasExpiredSinceWatched(watch, Now));
        Assert.False(_keyspace.Exists("k"u8, Now));
        Assert.False(watch.IsTouched);

        _keyspace.Set("k"u8, "again"u8);
        Assert.True(watch.IsTouched);
    }

    [Fact]
    public void ClearIgnoresAKeyAlreadyExpiredWhenWatched()
    {
        _keyspace.Set("k"u8, "v"u8, Now - 1);
        var watch = _keyspace.Watch("k"u8, Now);

        _keyspace.Clear();

        Assert.False(watch.IsTouched);
    }

    [Fact]
    public void StopsMarkingAReleasedWatch()
    {
        var watch = _keyspace.Watch("k"u8, Now);

        watch.Release();
        watch.Release();
        _keyspace.Set("k"u8, "v"u8);

        Assert.False(watch.IsTouched);
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheWatchedKey()
    {
        var key = "k"u8.ToArray();
        var watch = _keyspace.Watch(key, Now);
        key[0] = (byte)'x';

        _keyspace.Set("k"u8, "v"u8);

        Assert.True(watch.IsTouched);
    }
}
