using System.Text;

namespace Redis.Application.Common;

/// <summary>Byte-string equality ignoring ASCII case, so command names are found straight from the request bytes.</summary>
public sealed class AsciiCaseInsensitiveComparer :
    IEqualityComparer<byte[]>,
    IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static AsciiCaseInsensitiveComparer Instance { get; } = new();

    private AsciiCaseInsensitiveComparer()
    {
    }

    public bool Equals(byte[]? x, byte[]? y) => x is not null && y is not null && Ascii.EqualsIgnoreCase(x, y);

    public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => Ascii.EqualsIgnoreCase(alternate, other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        // FNV-1a over the bytes with ASCII letters folded to lower case; command names are short.
        var hash = 2166136261u;
        foreach (var b in alternate)
        {
            var folded = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
            hash = (hash ^ folded) * 16777619u;
        }

        return (int)hash;
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
