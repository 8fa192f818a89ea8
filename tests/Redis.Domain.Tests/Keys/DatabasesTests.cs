using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>The numbered databases: separate keys, one shared end of command, and Redis's SWAPDB and MOVE rules.</summary>
public class DatabasesTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Databases _databases = new(4, new Random(7));

    [Fact]
    public void KeepsTheKeysOfEachDatabaseApart()
    {
        _databases[0].Set("k"u8, "zero"u8);
        _databases[1].Set("k"u8, "one"u8);

        Assert.Equal(KeyLookup.Found, _databases[0].Get("k"u8, Now, out var zero));
        Assert.Equal(KeyLookup.Found, _databases[1].Get("k"u8, Now, out var one));
        Assert.Equal("zero"u8.ToArray(), zero.Value.ToArray());
        Assert.Equal("one"u8.ToArray(), one.Value.ToArray());
        Assert.False(_databases[2].Exists("k"u8, Now));
        Assert.Equal(2, _databases.KeyCount);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(-1, false)]
    [InlineData(long.MaxValue, false)]
    public void ContainsOnlyTheIndexesBelowItsCount(long index, bool contained)
    {
        Assert.Equal(contained, _databases.Contains(index));
    }

    [Fact]
    public void CountsEveryKeyChangedInEveryDatabaseAndNoRead()
    {
        _databases[0].Set("a"u8, "1"u8);
        _databases[1].Set("b"u8, "2"u8, Now + 10);
        _databases[0].Append("a"u8, "x"u8, Now);
        _databases[0].SetExpiry("a"u8, Now + 100, Now);
        _databases[0].Read("a"u8, Now, out _);
        _databases[0].Exists("a"u8, Now);
        Assert.Equal(4, _databases.Changes);

        _databases[1].Get("b"u8, Now + 11, out _);
        Assert.Equal(5, _databases.Changes);

        _databases[0].Set("c"u8, "3"u8);
        _databases.Clear();
        Assert.Equal(8, _databases.Changes);
    }

    [Fact]
    public void RefusesFewerThanOneDatabase()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Databases(0));
    }

    [Fact]
    public void SumsTheCountersOfEveryDatabase()
    {
        _databases[0].Set("a"u8, "v"u8);
        _databases[2].Set("b"u8, "v"u8, Now - 1);

        _databases[0].Read("a"u8, Now, out _);
        _databases[2].Read("b"u8, Now, out _);
        _databases[3].Read("c"u8, Now, out _);

        Assert.Equal(1, _databases.KeyspaceHits);
        Assert.Equal(2, _databases.KeyspaceMisses);
        Assert.Equal(1, _databases.ExpiredKeys);
    }

    [Fact]
    public void EndsTheCommandOfEveryDatabaseAtOnce()
    {
        // A view handed out by database 1 stops a write over its record in place until the command ends.
        _databases[1].Set("k"u8, "old"u8);
        Assert.Equal(KeyLookup.Found, _databases[1].Get("k"u8, Now, out var view));
        _databases[1].Set("k"u8, "new"u8);
        Assert.Equal("old"u8.ToArray(), view.Value.ToArray());

        _databases.EndCommand();
        Assert.Equal(KeyLookup.Found, _databases[1].Get("k"u8, Now, out var after));
        Assert.Equal("new"u8.ToArray(), after.Value.ToArray());
    }

    [Fact]
    public void SwapExchangesKeysAndTtls()
    {
        _databases[0].Set("a"u8, "v"u8, Now + 10_000);
        _databases[1].Set("b"u8, "w"u8);

        _databases.Swap(0, 1, Now);

        Assert.False(_databases[0].Exists("a"u8, Now));
        Assert.True(_databases[0].Exists("b"u8, Now));
        Assert.Equal(KeyLookup.Found, _databases[1].Get("a"u8, Now, out var moved));
        Assert.Equal(Now + 10_000, moved.ExpiresAt);
        Assert.Equal(1, _databases[1].VolatileCount);
        Assert.Equal(0, _databases[0].VolatileCount);
    }

    [Fact]
    public void SwapOfADatabaseWithItselfChangesNothing()
    {
        _databases[0].Set("a"u8, "v"u8);
        var watch = _databases[0].Watch("a"u8, Now);

        _databases.Swap(0, 0, Now);

        Assert.True(_databases[0].Exists("a"u8, Now));
        Assert.False(watch.IsTouched);
    }

    [Fact]
    public void SwapMarksTheWatchesOfKeysStoredInEitherDatabase()
    {
        _databases[0].Set("here"u8, "v"u8);
        _databases[1].Set("there"u8, "v"u8);
        var here = _databases[0].Watch("here"u8, Now);
        var there = _databases[0].Watch("there"u8, Now);
        var nowhere = _databases[0].Watch("nowhere"u8, Now);
        var other = _databases[2].Watch("here"u8, Now);

        _databases.Swap(0, 1, Now);

        Assert.True(here.IsTouched);
        Assert.True(there.IsTouched);
        Assert.False(nowhere.IsTouched);
        Assert.False(other.IsTouched);
    }

    [Fact]
    public void SwapLeavesAWatchOfAKeyExpiredWhenWatchedAndNowGone()
    {
        // Redis's touchAllWatchedKeysInDb: an expired key deleted is no logical change.
        _databases[0].Set("k"u8, "v"u8, Now - 1);
        var watch = _databases[0].Watch("k"u8, Now);

        _databases.Swap(0, 1, Now);

        Assert.False(watch.IsTouched);
        Assert.False(_databases[0].HasExpiredSinceWatched(watch, Now));
    }

    [Fact]
    public void SwapRemembersAMissingKeyReplacedByAnExpiredOneAsExpired()
    {
        _databases[1].Set("k"u8, "v"u8, Now - 1);
        var watch = _databases[0].Watch("k"u8, Now);

        _databases.Swap(0, 1, Now);

        Assert.False(watch.IsTouched);
        Assert.False(_databases[0].HasExpiredSinceWatched(watch, Now));
    }

    [Fact]
    public void SwapMarksAWatchOfAnExpiredKeyReplacedByALiveOne()
    {
        _databases[0].Set("k"u8, "v"u8, Now - 1);
        _databases[1].Set("k"u8, "w"u8);
        var watch = _databases[0].Watch("k"u8, Now);

        _databases.Swap(0, 1, Now);

        Assert.True(watch.IsTouched);
    }

    [Fact]
    public void ClearEmptiesEveryDatabaseAndMarksTheirWatches()
    {
        _databases[0].Set("a"u8, "v"u8);
        _databases[3].Set("b"u8, "v"u8);
        var a = _databases[0].Watch("a"u8, Now);
        var b = _databases[3].Watch("b"u8, Now);

        _databases.Clear();

        Assert.Equal(0, _databases.KeyCount);
        Assert.True(a.IsTouched);
        Assert.True(b.IsTouched);
    }

    [Fact]
    public void FlushOfOneDatabaseMarksOnlyItsWatches()
    {
        _databases[0].Set("k"u8, "v"u8);
        _databases[1].Set("k"u8, "v"u8);
        var zero = _databases[0].Watch("k"u8, Now);
        var one = _databases[1].Watch("k"u8, Now);

        _databases[1].Clear();

        Assert.False(zero.IsTouched);
        Assert.True(one.IsTouched);
    }

    [Fact]
    public void MoveTakesTheValueAndTtlAndMarksBothWatches()
    {
        _databases[0].Set("k"u8, "v"u8, Now + 5000);
        var source = _databases[0].Watch("k"u8, Now);
        var destination = _databases[1].Watch("k"u8, Now);

        Assert.True(_databases[0].MoveTo("k"u8, _databases[1], Now));

        Assert.False(_databases[0].Exists("k"u8, Now));
        Assert.Equal(KeyLookup.Found, _databases[1].Get("k"u8, Now, out var moved));
        Assert.Equal("v"u8.ToArray(), moved.Value.ToArray());
        Assert.Equal(Now + 5000, moved.ExpiresAt);
        Assert.True(source.IsTouched);
        Assert.True(destination.IsTouched);
    }

    [Fact]
    public void MoveChangesNothingWhenTheKeyIsMissingOrAlreadyThere()
    {
        _databases[0].Set("k"u8, "here"u8);
        _databases[1].Set("k"u8, "there"u8);

        Assert.False(_databases[0].MoveTo("missing"u8, _databases[1], Now));
        Assert.False(_databases[0].MoveTo("k"u8, _databases[1], Now));

        Assert.Equal(KeyLookup.Found, _databases[0].Get("k"u8, Now, out var here));
        Assert.Equal("here"u8.ToArray(), here.Value.ToArray());
    }

    [Fact]
    public void MoveOverAnExpiredKeyInTheDestinationReplacesIt()
    {
        _databases[0].Set("k"u8, "v"u8);
        _databases[1].Set("k"u8, "stale"u8, Now - 1);

        Assert.True(_databases[0].MoveTo("k"u8, _databases[1], Now));

        Assert.Equal(KeyLookup.Found, _databases[1].Get("k"u8, Now, out var moved));
        Assert.Equal("v"u8.ToArray(), moved.Value.ToArray());
        Assert.Equal(1, _databases.ExpiredKeys);
    }

    [Fact]
    public void WhileExpiryIsPausedAKeyPastItsTimeStaysLiveAndAnInstantInThePastDeletesNothing()
    {
        _databases[0].Set("k"u8, "v"u8, expiresAt: Now - 10);
        _databases[0].Set("j"u8, "v"u8);
        _databases.ExpiryPaused = true;

        Assert.True(_databases[0].Exists("k"u8, Now));
        Assert.False(_databases[0].HasPassed(Now - 1, Now));
        Assert.True(_databases[0].SetExpiry("j"u8, Now - 1, Now));
        Assert.True(_databases[0].Exists("j"u8, Now));

        _databases.ExpiryPaused = false;

        Assert.False(_databases[0].Exists("k"u8, Now));
        Assert.False(_databases[0].Exists("j"u8, Now));
        Assert.Equal(2, _databases.ExpiredKeys);
    }

    [Fact]
    public void EveryObserverHearsOfEachExpiryUntilItStops()
    {
        var first = new ExpiryRecorder();
        var second = new ExpiryRecorder();
        _databases.Observe(first, on: true);
        _databases.Observe(second, on: true);
        _databases[1].Set("a"u8, "v"u8, expiresAt: Now - 1);
        _databases[1].Set("b"u8, "v"u8, expiresAt: Now - 1);

        _databases[1].Exists("a"u8, Now);
        _databases.Observe(first, on: false);
        _databases[1].Exists("b"u8, Now);

        Assert.Equal(["1 a"], first.Removed);
        Assert.Equal(["1 a", "1 b"], second.Removed);
    }

    [Fact]
    public void TryAddStoresOnlyAKeyNotThereExpiredOrNot()
    {
        var keyspace = _databases[0];
        keyspace.Reserve(10_000);
        keyspace.Set("old"u8, "v"u8, expiresAt: Now - 1);

        Assert.True(keyspace.TryAdd("new"u8, "v"u8, Entry.NoExpiry));
        Assert.False(keyspace.TryAdd("new"u8, "w"u8, Entry.NoExpiry));
        Assert.False(keyspace.TryAdd("old"u8, "w"u8, Entry.NoExpiry));

        Assert.Equal(KeyLookup.Found, keyspace.Get("new"u8, Now, out var stored));
        Assert.Equal("v"u8.ToArray(), stored.Value.ToArray());
        Assert.Equal(2, keyspace.Count);
    }

    private sealed class ExpiryRecorder : IKeyspaceObserver
    {
        public List<string> Removed { get; } = [];

        public void Created(int database, ReadOnlySpan<byte> key)
        {
        }

        public void Expired(int database, ReadOnlySpan<byte> key) =>
            Removed.Add($"{database} {System.Text.Encoding.UTF8.GetString(key)}");

        public void Missed(int database, ReadOnlySpan<byte> key)
        {
        }
    }
}
