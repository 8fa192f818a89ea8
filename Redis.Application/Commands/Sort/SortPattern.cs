using Redis.Domain.Hashes;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Sort;

/// <summary>
/// Redis's <c>lookupKeyByPattern</c>: the value a <c>BY</c> or <c>GET</c> pattern names for one element. <c>#</c> is
/// the element itself; otherwise the first <c>*</c> is replaced by the element to name a string key, or, with
/// <c>-&gt;field</c> after the <c>*</c>, a hash key and its field.
/// </summary>
/// <remarks>
/// Redis searches the pattern as a C string, so a zero byte ends the search for <c>*</c> and <c>-&gt;</c> (and
/// <c>#</c> followed by a zero byte is still <c>#</c>), while the key and the field are cut from the whole pattern.
/// </remarks>
internal static class SortPattern
{
    /// <summary>Where the first <c>*</c> is, before any zero byte (Redis's <c>strchr</c>); -1 when there is none.</summary>
    public static int StarIndex(ReadOnlySpan<byte> pattern) => CString(pattern).IndexOf((byte)'*');

    /// <summary>
    /// Looks the value up, counting a hit or a miss for the key as Redis's <c>lookupKeyRead</c> does.
    /// </summary>
    /// <returns>False (nil) when the pattern has no <c>*</c>, the key is missing or of another type than the pattern
    /// needs (a string, or a hash with a field), or the field is missing.</returns>
    public static bool TryLookup(Keyspace keyspace, ReadOnlySpan<byte> pattern, byte[] element, long now, out ReadOnlyMemory<byte> value)
    {
        value = default;
        if (pattern.Length > 0 && pattern[0] == (byte)'#' && (pattern.Length == 1 || pattern[1] == 0))
        {
            value = element;
            return true;
        }

        var star = StarIndex(pattern);
        if (star < 0)
        {
            return false;
        }

        // strstr(p + 1, "->") with something after the arrow: the field is everything after it.
        var postfix = pattern[(star + 1)..];
        var arrow = CString(postfix).IndexOf("->"u8);
        var field = ReadOnlySpan<byte>.Empty;
        var hasField = arrow >= 0 && arrow + 2 < postfix.Length && postfix[arrow + 2] != 0;
        if (hasField)
        {
            field = postfix[(arrow + 2)..];
            postfix = postfix[..arrow];
        }

        var key = new byte[star + element.Length + postfix.Length];
        pattern[..star].CopyTo(key);
        element.CopyTo(key.AsSpan(star));
        postfix.CopyTo(key.AsSpan(star + element.Length));
        if (!hasField)
        {
            if (keyspace.Read(key, now, out Entry entry) != KeyLookup.Found)
            {
                return false;
            }

            value = entry.Value;
            return true;
        }

        if (keyspace.Read(key, now, out HashValue? hash) != KeyLookup.Found || !hash!.TryGetValue(field, out var fieldValue))
        {
            return false;
        }

        value = fieldValue;
        return true;
    }

    /// <summary>The text up to the first zero byte, as C's string functions see it.</summary>
    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> text)
    {
        var nul = text.IndexOf((byte)0);
        return nul >= 0 ? text[..nul] : text;
    }
}
