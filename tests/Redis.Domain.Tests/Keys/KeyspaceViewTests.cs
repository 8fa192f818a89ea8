using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

/// <summary>
/// A value handed out by <see cref="Keyspace.Get(ReadOnlySpan{byte}, long, out Entry, bool)"/> is never written over during the command that looked it up,
/// whatever that command writes next; once <see cref="Keyspace.EndCommand"/> says the reply is encoded, a value of the
/// same size goes over the old one again (ADR 0015's in-place write).
/// </summary>
public class KeyspaceViewTests
{
    private const long Now = 1_700_000_000_000;

    private readonly Keyspace _keyspace = new(new Random(1234));

    [Fact]
    public void ViewSurvivesAWriteOfTheSameSizeInTheSameCommand()
    {
        _keyspace.Set("k"u8, "old"u8);
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var entry));

        _keyspace.Set("k"u8, "new"u8);
        _keyspace.SetKeepTtl("k"u8, "NEW"u8, Now);

        Assert.Equal("old"u8.ToArray(), entry.Value.ToArray());
        Assert.Equal(KeyLookup.Found, _keyspace.Get("k"u8, Now, out var current));
        Assert.Equal("NEW"u8.ToArray(), current.Value.ToArray());
    }

    [Fact]
    public void EverySeenValueSurvivesWhenACommandLooksUpSeveralKeys()
    {
        _keyspace.Set("a"u8, "aaa"u8);
        _keyspace.Set("b"u8, "bbb"u8);
        _keyspace.Get("a"u8, Now, out var a);
        _keyspace.Get("b"u8, Now, out var b);

        _keyspace.Set("a"u8, "AAA"u8);
        _keyspace.Set("b"u8, "BBB"u8);

        Assert.Equal("aaa"u8.ToArray(), a.Value.ToArray());
        Assert.Equal("bbb"u8.ToArray(), b.Value.ToArray());
    }

    [Fact]
    public void WritesInPlaceAgainOnceTheCommandHasEnded()
    {
        _keyspace.Set("k"u8, "old"u8);
        _keyspace.Get("k"u8, Now, out var entry);
        _keyspace.EndCommand();

        _keyspace.Set("k"u8, "new"u8);

        // The same record was written over: what the ended command saw now shows the new bytes.
        Assert.Equal("new"u8.ToArray(), entry.Value.ToArray());
    }

    [Fact]
    public void PeekingHandsOutNoViewSoTheWriteStaysInPlace()
    {
        _keyspace.Set("k"u8, "old"u8, Now + 5000);
        _keyspace.Get("k"u8, Now, out var before);
        _keyspace.EndCommand();

        Assert.Equal(KeyLookup.Found, _keyspace.Peek("k"u8, Now, out var expiresAt, out var length));
        Assert.Equal(KeyLookup.Found, _keyspace.CopyValue("k"u8, Now, stackalloc byte[8], out _));
        _keyspace.Set("k"u8, "new"u8);

        Assert.Equal((Now + 5000, 3), (expiresAt, length));
        Assert.Equal("new"u8.ToArray(), before.Value.ToArray());
    }

    [Fact]
    public void CopiesAValueOnlyWhenItFits()
    {
        _keyspace.Set("k"u8, "12345"u8);
        var buffer = new byte[4];

        Assert.Equal(KeyLookup.Found, _keyspace.CopyValue("k"u8, Now, buffer, out var length));
        Assert.Equal(5, length);
        Assert.Equal(new byte[4], buffer);

        Assert.Equal(KeyLookup.Found, _keyspace.CopyValue("k"u8, Now, buffer.AsSpan(0, 0), out _));
        Assert.Equal(KeyLookup.Missing, _keyspace.CopyValue("missing"u8, Now, buffer, out length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void PeekAndCopyExpireLazilyAsEveryLookupDoes()
    {
        _keyspace.Set("k"u8, "v"u8, Now - 1);

        Assert.Equal(KeyLookup.Missing, _keyspace.Peek("k"u8, Now, out _, out _));
        Assert.Equal(0, _keyspace.Count);
        Assert.Equal(1, _keyspace.ExpiredKeys);
    }
}
