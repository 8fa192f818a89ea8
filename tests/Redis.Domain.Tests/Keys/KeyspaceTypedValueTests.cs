using System.Text;
using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>The keyspace's rules for values that are not strings, with a minimal collection standing in for the real types.</summary>
public class KeyspaceTypedValueTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Databases _databases = new(2, new Random(3));

    private Keyspace Keyspace => _databases[0];

    [Fact]
    public void ReportsWrongTypeToStringLookupsOfATypedKey()
    {
        Keyspace.Set("c"u8, new Bag(1));

        Assert.Equal(KeyLookup.WrongType, Keyspace.Get("c"u8, Now, out _));
        Assert.Equal(KeyLookup.WrongType, Keyspace.Read("c"u8, Now, out _));
        Assert.Equal(KeyLookup.WrongType, Keyspace.Peek("c"u8, Now, out _, out _));
        Assert.Equal(KeyLookup.WrongType, Keyspace.CopyValue("c"u8, Now, stackalloc byte[8], out _));
        Assert.Equal(KeyLookup.WrongType, Keyspace.Append("c"u8, "x"u8, Now));
        Assert.Equal(KeyLookup.WrongType, Keyspace.Exchange("c"u8, "x"u8, Entry.NoExpiry, Now, out _));
        Assert.Equal(KeyType.List, Keyspace.TypeOf("c"u8, Now, out _));
    }

    [Fact]
    public void ReportsWrongTypeToATypedLookupOfAString()
    {
        Keyspace.Set("s"u8, "v"u8);

        Assert.Equal(KeyLookup.WrongType, Keyspace.Get<Bag>("s"u8, Now, out var bag));
        Assert.Null(bag);
        Assert.Equal(KeyLookup.Missing, Keyspace.Get<Bag>("missing"u8, Now, out _));
        Assert.Equal(KeyType.String, Keyspace.TypeOf("s"u8, Now, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void HandsOutTheStoredObjectToATypedLookup()
    {
        var stored = new Bag(2);
        Keyspace.Set("c"u8, stored);

        Assert.Equal(KeyLookup.Found, Keyspace.Read<Bag>("c"u8, Now, out var found));
        Assert.Same(stored, found);
        Assert.Equal(1, Keyspace.KeyspaceHits);
    }

    [Fact]
    public void CountsATypedKeyAsAHitForAStringRead()
    {
        // lookupKeyRead finds the key before checkType refuses it.
        Keyspace.Set("c"u8, new Bag(1));

        Keyspace.Read("c"u8, Now, out _);

        Assert.Equal((1, 0), (Keyspace.KeyspaceHits, Keyspace.KeyspaceMisses));
    }

    [Fact]
    public void ReplacesATypedValueWithAStringAndBack()
    {
        Keyspace.Set("k"u8, new Bag(1), Now + 1000);
        Keyspace.Set("k"u8, "v"u8);

        Assert.Equal(KeyLookup.Found, Keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("v", Encoding.ASCII.GetString(entry.Value.Span));
        Assert.False(entry.HasExpiry);

        Keyspace.Set("k"u8, new Bag(1));
        Assert.Equal(KeyType.List, Keyspace.TypeOf("k"u8, Now, out _));
        Assert.Equal(1, Keyspace.Count);
        Assert.Equal(["k"], Keyspace.LiveKeys(Now).Select(static k => Encoding.ASCII.GetString(k.Span)));
    }

    [Fact]
    public void RemovesACollectionLeftEmptyWhenToldOfTheChange()
    {
        var bag = new Bag(1);
        Keyspace.Set("c"u8, bag);
        var watch = Keyspace.Watch("c"u8, Now);

        bag.Items = 0;

        Assert.True(Keyspace.Changed("c"u8, bag));
        Assert.False(Keyspace.Exists("c"u8, Now));
        Assert.True(watch.IsTouched);
    }

    [Fact]
    public void MarksWatchesAndKeepsTheKeyWhenACollectionChangesButIsNotEmpty()
    {
        var bag = new Bag(2);
        Keyspace.Set("c"u8, bag);
        var watch = Keyspace.Watch("c"u8, Now);

        bag.Items = 1;

        Assert.False(Keyspace.Changed("c"u8, bag));
        Assert.True(Keyspace.Exists("c"u8, Now));
        Assert.True(watch.IsTouched);
    }

    [Fact]
    public void RenameMovesTheSameObjectWithItsTtl()
    {
        var bag = new Bag(1);
        Keyspace.Set("a"u8, bag, Now + 5000);
        Keyspace.Set("b"u8, "old"u8);

        Assert.True(Keyspace.Rename("a"u8, "b"u8, Now));

        Assert.False(Keyspace.Exists("a"u8, Now));
        Assert.Equal(KeyLookup.Found, Keyspace.Get<Bag>("b"u8, Now, out var moved));
        Assert.Same(bag, moved);
        Assert.True(Keyspace.TryGetExpiry("b"u8, Now, out var expiresAt));
        Assert.Equal(Now + 5000, expiresAt);
        Assert.Equal(["b"], Keyspace.LiveKeys(Now).Select(static k => Encoding.ASCII.GetString(k.Span)));
    }

    [Fact]
    public void MoveCarriesATypedValueToAnotherDatabase()
    {
        var bag = new Bag(1);
        Keyspace.Set("a"u8, bag);

        Assert.True(Keyspace.MoveTo("a"u8, _databases[1], Now));

        Assert.False(Keyspace.Exists("a"u8, Now));
        Assert.Equal(KeyLookup.Found, _databases[1].Get<Bag>("a"u8, Now, out var moved));
        Assert.Same(bag, moved);
    }

    [Fact]
    public void ScanReportsEachKeysType()
    {
        Keyspace.Set("s"u8, "v"u8);
        Keyspace.Set("c"u8, new Bag(1));
        var seen = new Dictionary<string, KeyType>();

        Keyspace.Scan(0, 10, Now, (key, type) => seen[Encoding.ASCII.GetString(key.Span)] = type);

        Assert.Equal(KeyType.String, seen["s"]);
        Assert.Equal(KeyType.List, seen["c"]);
    }

    [Fact]
    public void ExpiresATypedValueLazily()
    {
        Keyspace.Set("c"u8, new Bag(1), Now + 10);

        Assert.Equal(KeyLookup.Missing, Keyspace.Get<Bag>("c"u8, Now + 11, out _));
        Assert.Equal(0, Keyspace.Count);
        Assert.Equal(1, Keyspace.ExpiredKeys);
    }

    [Fact]
    public void SizesATypedKeyWithItsValuesFootprint()
    {
        Keyspace.Set("c"u8, new Bag(1));

        Assert.True(Keyspace.TryGetFootprint("c"u8, Now, out var bytes));

        Assert.Equal(KeyFootprint.ArrayHeader + 8 + KeyFootprint.Slot + KeyFootprint.AccessClock + KeyFootprint.IndexShare + Bag.Bytes, bytes);
    }

    private sealed class Bag(long items) : TypedValue
    {
        public const long Bytes = 100;

        public long Items { get; set; } = items;

        public override KeyType Type => KeyType.List;

        public override string Encoding => "bag";

        public override long Count => Items;

        public override long Footprint => Bytes;

        public override TypedValue Copy() => new Bag(Items);
    }
}
