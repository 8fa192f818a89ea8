using System.Globalization;

namespace Redis.Client.CommandLine;

/// <summary>Sizes as people write them on a command line: <c>100</c> bytes, <c>10KB</c>, <c>1MB</c> (binary units, 1 KB = 1024 bytes).</summary>
internal static class ByteSize
{
    public static bool TryParse(string text, out int bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(trimmed.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        long? multiplier = trimmed[digits..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1024,
            "M" or "MB" or "MIB" => 1024 * 1024,
            _ => null,
        };
        if (multiplier is null || number > int.MaxValue / multiplier)
        {
            return false;
        }

        bytes = (int)(number * multiplier.Value);
        return true;
    }

    /// <summary>Parses a comma-separated list, such as <c>1KB,5KB,10KB</c>.</summary>
    public static bool TryParseList(string text, out int[] sizes)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParse(parts[i], out sizes[i]))
            {
                return false;
            }
        }

        return parts.Length > 0;
    }

    /// <summary>Parses a size already validated; throws <see cref="FormatException"/> otherwise.</summary>
    public static int Parse(string text) =>
        TryParse(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not a size.");

    /// <summary>Parses a list already validated; throws <see cref="FormatException"/> otherwise.</summary>
    public static int[] ParseList(string text) =>
        TryParseList(text, out var sizes) ? sizes : throw new FormatException($"'{text}' is not a list of sizes.");
}
