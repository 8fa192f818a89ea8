using System.Globalization;
using Redis.Application.Abstractions;

namespace Redis.Application.Common;

/// <summary>Typed reads of the settings <c>CONFIG GET</c> reports, for commands whose behaviour depends on them.</summary>
public static class ServerSettingsExtensions
{
    /// <summary>The setting's value as a number, or <paramref name="fallback"/> when it is absent or not a number.</summary>
    public static long GetInt64(this IServerSettings settings, string name, long fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in settings.Parameters)
        {
            if (string.Equals(key, name, StringComparison.Ordinal) &&
                long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return fallback;
    }

    /// <summary>The setting's value, or <paramref name="fallback"/> when it is absent.</summary>
    public static string GetString(this IServerSettings settings, string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, value) in settings.Parameters)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return fallback;
    }

    /// <summary><c>requirepass</c>: the default user's password; empty when it has none.</summary>
    public static string RequirePass(this IServerSettings settings) => settings.GetString("requirepass", string.Empty);
}
