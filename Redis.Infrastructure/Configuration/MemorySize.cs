using System.Globalization;

namespace Redis.Infrastructure.Configuration;

/// <summary>Parses a size with Redis's memory units, as its configuration does (<c>memtoull</c> in <c>util.c</c>).</summary>
public static class MemorySize
{
    /// <summary>
    /// <c>123</c>, <c>123b</c>, <c>1k</c> (1000), <c>1kb</c> (1024), <c>1m</c>, <c>1mb</c>, <c>1g</c>, <c>1gb</c>; units are
    /// case-insensitive, the digits come first and there is no sign, space or fraction, as in <c>memtoull</c>.
    /// </summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        long multiplier = text[digits..].ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "k" => 1000,
            "kb" => 1024,
            "m" => 1000 * 1000,
            "mb" => 1024 * 1024,
            "g" => 1000L * 1000 * 1000,
            "gb" => 1024L * 1024 * 1024,
            _ => 0,
        };

        // strtoull of an empty string fails in memtoull too ("mb" alone is an error); a value that overflows is refused
        // here where Redis would wrap it.
        if (multiplier == 0 || digits == 0
            || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = value * multiplier;
        return true;
    }
}
