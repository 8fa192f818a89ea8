using System.Buffers.Text;
using Redis.Domain.Sets;

namespace Redis.Infrastructure.Persistence;

/// <summary>Redis's <c>string2ll</c> as the RDB and listpack encoders use it: only the canonical text of a 64-bit integer counts.</summary>
internal static class RdbIntegers
{
    /// <summary>True when <paramref name="text"/> is exactly how the integer prints: the rule the sets' intset already applies (<see cref="SetValue.TryParseInteger"/>).</summary>
    public static bool TryParseCanonical(ReadOnlySpan<byte> text, out long value) => SetValue.TryParseInteger(text, out value);

    /// <summary>The decimal text of <paramref name="value"/>.</summary>
    public static byte[] Format(long value)
    {
        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, text, out var written);
        return text[..written].ToArray();
    }
}
