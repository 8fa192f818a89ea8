using System.Text;

namespace Redis.Infrastructure.Scripting;

/// <summary>Redis 7's <c>evalExtractShebangFlags</c>: an optional first line <c>#!lua flags=no-writes,...</c>.</summary>
internal static class Shebang
{
    private static readonly string[] KnownFlags = ["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"];

    /// <summary>Reads the shebang, if any: null and where the code starts, or the error text (without its <c>ERR</c>).</summary>
    /// <param name="compatible">True without a shebang: Redis's <c>SCRIPT_FLAG_EVAL_COMPAT_MODE</c>.</param>
    public static string? TryRead(ReadOnlySpan<byte> body, out int offset, out bool noWrites, out bool compatible) =>
        TryRead(body, out offset, out noWrites, out compatible, out _);

    /// <inheritdoc cref="TryRead(ReadOnlySpan{byte}, out int, out bool, out bool)"/>
    /// <param name="allowOom">The <c>allow-oom</c> flag: the script may run, and call any command, over <c>maxmemory</c>.</param>
    public static string? TryRead(ReadOnlySpan<byte> body, out int offset, out bool noWrites, out bool compatible, out bool allowOom)
    {
        offset = 0;
        allowOom = false;
        noWrites = false;
        compatible = true;
        if (!body.StartsWith("#!"u8))
        {
            return null;
        }

        var end = body.IndexOf((byte)'\n');
        if (end < 0)
        {
            return "Invalid script shebang";
        }

        var parts = Encoding.UTF8.GetString(body[..end]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return "Invalid engine in script shebang";
        }

        if (parts[0] != "#!lua")
        {
            return "Unexpected engine in script shebang: " + parts[0];
        }

        compatible = false;
        foreach (var part in parts.AsSpan(1))
        {
            if (!part.StartsWith("flags=", StringComparison.Ordinal))
            {
                return "Unknown lua shebang option: " + part;
            }

            foreach (var flag in part[6..].Split(','))
            {
                if (!KnownFlags.Contains(flag))
                {
                    return "Unexpected flag in script shebang: " + flag;
                }

                noWrites |= flag == "no-writes";
                allowOom |= flag == "allow-oom";
            }
        }

        offset = end;
        return null;
    }
}
