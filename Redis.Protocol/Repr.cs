using System.Globalization;
using System.Text;

namespace Redis.Protocol;

/// <summary>Redis's <c>sdscatrepr</c>: bytes as a quoted, escaped, printable string.</summary>
/// <remarks>
/// Redis uses it wherever binary-safe bytes meet a person: redis-cli's quoted replies, <c>MONITOR</c> lines, the
/// server's logs. Both the client and the server need it, so it lives with the wire format.
/// </remarks>
public static class Repr
{
    /// <summary>Printable ASCII as is, <c>\\ \" \n \r \t \a \b</c> escaped, every other byte as <c>\xHH</c>, all in double quotes.</summary>
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 2).Append('"');
        foreach (var b in bytes)
        {
            _ = b switch
            {
                (byte)'\\' => text.Append("\\\\"),
                (byte)'"' => text.Append("\\\""),
                (byte)'\n' => text.Append("\\n"),
                (byte)'\r' => text.Append("\\r"),
                (byte)'\t' => text.Append("\\t"),
                (byte)'\a' => text.Append("\\a"),
                (byte)'\b' => text.Append("\\b"),
                >= 0x20 and < 0x7f => text.Append((char)b),
                _ => text.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}"),
            };
        }

        return text.Append('"').ToString();
    }
}
