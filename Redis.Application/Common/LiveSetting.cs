using Redis.Application.Abstractions;

namespace Redis.Application.Common;

/// <summary>A numeric setting's current value, kept up to date through <see cref="IServerSettings.Changed"/>.</summary>
/// <remarks>
/// For the commands that read a setting on every call (<c>APPEND</c>'s <c>proto-max-bulk-len</c>): one field read, and
/// <c>CONFIG SET</c> reaches it at once.
/// </remarks>
public sealed class LiveSetting
{
    public LiveSetting(IServerSettings settings, string name, long fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Value = settings.GetInt64(name, fallback);
        settings.Changed += changed =>
        {
            if (changed == name)
            {
                Value = settings.GetInt64(name, fallback);
            }
        };
    }

    /// <summary>The setting's value now.</summary>
    public long Value { get; private set; }

    /// <summary><c>proto-max-bulk-len</c>: the longest string a command may build (Redis's <c>checkStringLength</c>).</summary>
    public static LiveSetting ProtoMaxBulkLen(IServerSettings settings) => new(settings, "proto-max-bulk-len", 512L * 1024 * 1024);
}
