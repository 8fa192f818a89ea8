using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class KeyspaceOpenForWriteTests
{
    private const long Now = 1_000;

    private readonly Keyspace _keyspace = new();

    [Fact]
    public void CreatesAZeroFilledStringWithoutTtlGivenAMissingKey()
    {
        Assert.Equal(KeyLookup.Missing, _keyspace.OpenForWrite("k"u8, Now, 3, out var value, out var grown));
        Assert.True(grown);
        Assert.Equal(new byte[3], value.ToArray());
        value[1] = 7;

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal(new byte[] { 0, 7, 0 }, entry.Value.ToArray());
        Assert.False(entry.HasExpiry);
    }

    [Fact]
    public void GrowsWithZerosAndKeepsTheTtl()
    {
        _keyspace.Set("k"u8, "ab"u8, Now + 5000);

        Assert.Equal(KeyLookup.Found, _keyspace.OpenForWrite("k"u8, Now, 4, out var value, out var grown));
        Assert.True(grown);
        value[3] = (byte)'z';

        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));
        Assert.Equal("ab\0z"u8.ToArray(), entry.Value.ToArray());
        Assert.Equal(Now + 5000, entry.ExpiresAt);
    }

    [Fact]
    public void WritesInPlaceWithoutGrowingGivenALongEnoughString()
    {
        _keyspace.Set("k"u8, "abcd"u8);

        Assert.Equal(KeyLookup.Found, _keyspace.OpenForWrite("k"u8, Now, 2, out var value, out var grown));
        Assert.False(grown);
        Assert.Equal(4, value.Length);
        value[0] = (byte)'X';

        _keyspace.Get("k"u8, Now, out var entry);
        Assert.Equal("Xbcd"u8.ToArray(), entry.Value.ToArray());
    }

    [Fact]
    public void NeverWritesOverAValueHandedOutDuringTheCommand()
    {
        _keyspace.Set("k"u8, "abcd"u8);
        _keyspace.Get("k"u8, Now, out var viewed);

        _keyspace.OpenForWrite("k"u8, Now, 1, out var value, out _);
        value[0] = (byte)'X';

        Assert.Equal("abcd"u8.ToArray(), viewed.Value.ToArray());
        _keyspace.Get("k"u8, Now, out var entry);
        Assert.Equal("Xbcd"u8.ToArray(), entry.Value.ToArray());
    }

    [Fact]
    public void MarksWatchesWhenItGrowsAndThroughModified()
    {
        _keyspace.Set("k"u8, "abcd"u8);
        var watch = _keyspace.Watch("k"u8, Now);

        _keyspace.OpenForWrite("k"u8, Now, 2, out _, out _);
        Assert.False(watch.IsTouched);

        _keyspace.Modified("k"u8);
        Assert.True(watch.IsTouched);
    }
}
