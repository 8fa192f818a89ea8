using System.Buffers.Text;

namespace Redis.Infrastructure.Persistence;

/// <summary>Redis's <c>string2ll</c> as the RDB and listpack encoders use it: only the canonical text of a 64-bit integer counts.</summary>
internal static class RdbIntegers
{
    /// <summary>True when <paramref name="text"/> is exactly how the integer prints: an optional minus, no leading zero, no sign on zero.</summary>
    public static bool TryParseCanonical(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 20 || text[0] == '+' || (text[0] == '0' && text.Length > 1) ||
            (text[0] == '-' && (text.Length == 1 || text[1] == '0')))
        {
            return false;
        }

        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    /// <summary>The decimal text of <paramref name="value"/>.</summary>
    public static byte[] Format(long value)
    {
        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, text, out var written);
        return text[..written].ToArray();
    }
}
