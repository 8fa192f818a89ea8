namespace Redis.Application.Common;

/// <summary>How Redis would encode a string value (<c>OBJECT ENCODING</c>), decided as its <c>tryObjectEncoding</c> decides.</summary>
/// <remarks>
/// The keyspace keeps every value as bytes; Redis's encoding follows from them alone: a number that <c>string2l</c>
/// parses back exactly (at most 20 bytes, no leading zero or sign, no spaces) is <c>int</c>, other values of at most
/// 44 bytes are <c>embstr</c> (<c>OBJ_ENCODING_EMBSTR_SIZE_LIMIT</c>), longer ones <c>raw</c>.
/// </remarks>
public static class StringEncoding
{
    /// <summary>Redis's <c>OBJ_ENCODING_EMBSTR_SIZE_LIMIT</c>.</summary>
    public const int EmbStrSizeLimit = 44;

    /// <summary>Redis's <c>OBJ_SHARED_INTEGERS</c>: 0..9999 are shared objects.</summary>
    public const int SharedIntegers = 10_000;

    /// <summary>The encodings a string has in Redis.</summary>
    public enum Kind
    {
        Int,
        EmbStr,
        Raw,
    }

    /// <summary>The encoding Redis gives <paramref name="value"/>; <paramref name="integer"/> is its number when it is <see cref="Kind.Int"/>.</summary>
    public static Kind Of(ReadOnlySpan<byte> value, out long integer)
    {
        integer = 0;
        if (value.Length <= 20 && Protocol.RedisInteger.TryParse(value, out integer))
        {
            return Kind.Int;
        }

        return value.Length <= EmbStrSizeLimit ? Kind.EmbStr : Kind.Raw;
    }
}
