using System.Runtime.InteropServices;

namespace Redis.Domain.Keys;

/// <summary>Ordinal equality for binary keys, usable with a <see cref="ReadOnlySpan{T}"/> of bytes as the lookup key.</summary>
/// <remarks>
/// Implementing <see cref="IAlternateEqualityComparer{TAlternate, T}"/> lets the keyspace look a key up straight
/// from the receive buffer (<c>Dictionary.GetAlternateLookup</c>), so <c>GET</c> allocates no key.
/// </remarks>
public sealed class ByteArrayComparer :
    IEqualityComparer<byte[]>,
    IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static ByteArrayComparer Instance { get; } = new();

    private ByteArrayComparer()
    {
    }

    public bool Equals(byte[]? x, byte[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        // HashCode.AddBytes is randomized per process, which keeps hash flooding off the table.
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
