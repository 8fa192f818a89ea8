using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>Waited keys: a collection stored under one lists it ready once, in the order signalled, as Redis's dbAdd signals blocking_keys.</summary>
public class KeyspaceWaiterTests
{
    private const long Now = 1_000;
    private readonly Databases _databases = new(2);

    [Fact]
    public void CreatingAWaitedKeyWithACollectionListsItReadyOnce()
    {
        var db = _databases[0];
        db.AddWaiter("q"u8);

        db.Set("q"u8, new Stub());
        db.Remove("q"u8, Now);
        db.Set("q"u8, new Stub());

        Assert.True(_databases.HasReadyKeys);
        Assert.True(_databases.TryTakeReadyKey(out var keyspace, out var key));
        Assert.Same(db, keyspace);
        Assert.Equal("q"u8.ToArray(), key);
        Assert.False(_databases.TryTakeReadyKey(out _, out _));
        Assert.False(_databases.HasReadyKeys);
    }

    [Fact]
    public void KeysAreTakenInTheOrderTheyWereSignalledAcrossDatabases()
    {
        _databases[0].AddWaiter("a"u8);
        _databases[1].AddWaiter("b"u8);

        _databases[1].Set("b"u8, new Stub());
        _databases[0].Set("a"u8, new Stub());

        Assert.True(_databases.TryTakeReadyKey(out var first, out var firstKey));
        Assert.True(_databases.TryTakeReadyKey(out var second, out var secondKey));
        Assert.Equal((1, "b"), (first.Index, System.Text.Encoding.ASCII.GetString(firstKey)));
        Assert.Equal((0, "a"), (second.Index, System.Text.Encoding.ASCII.GetString(secondKey)));
    }

    [Fact]
    public void AStringReplacingAnExistingValueOrAnUnwaitedKeySignalsNothing()
    {
        var db = _databases[0];
        db.AddWaiter("q"u8);

        db.Set("q"u8, "text"u8);
        db.Set("other"u8, new Stub());
        db.Set("q"u8, new Stub());

        // "q" existed (as a string): replacing a value is not a creation, as Redis's dbOverwrite does not signal.
        Assert.False(_databases.HasReadyKeys);
    }

    [Fact]
    public void AKeyTakenFromTheReadyListIsSignalledAgainByItsNextCreation()
    {
        var db = _databases[0];
        db.AddWaiter("q"u8);
        db.Set("q"u8, new Stub());
        Assert.True(_databases.TryTakeReadyKey(out _, out _));

        db.Remove("q"u8, Now);
        db.Set("q"u8, new Stub());

        Assert.True(_databases.TryTakeReadyKey(out _, out _));
    }

    [Fact]
    public void WaitersAreCountedAndTheLastToLeaveStopsTheSignal()
    {
        var db = _databases[0];
        db.AddWaiter("q"u8);
        db.AddWaiter("q"u8);

        db.RemoveWaiter("q"u8);
        Assert.True(db.IsWaited("q"u8));
        db.RemoveWaiter("q"u8);
        Assert.False(db.IsWaited("q"u8));

        db.Set("q"u8, new Stub());
        Assert.False(_databases.HasReadyKeys);
    }

    [Fact]
    public void SwapDbSignalsWaitedKeysThatNowHoldACollection()
    {
        _databases[0].AddWaiter("q"u8);
        _databases[1].Set("q"u8, new Stub());
        _databases[1].Set("s"u8, "text"u8);
        _databases[0].AddWaiter("s"u8);

        _databases.Swap(0, 1, Now);

        Assert.True(_databases.TryTakeReadyKey(out var keyspace, out var key));
        Assert.Equal(0, keyspace.Index);
        Assert.Equal("q"u8.ToArray(), key);
        Assert.False(_databases.TryTakeReadyKey(out _, out _));
    }

    private sealed class Stub : TypedValue
    {
        public override KeyType Type => KeyType.List;

        public override string Encoding => "stub";

        public override long Count => 1;

        public override long Footprint => 64;

        public override TypedValue Copy() => new Stub();
    }
}
