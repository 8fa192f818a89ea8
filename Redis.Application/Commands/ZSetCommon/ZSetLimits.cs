using Redis.Application.Abstractions;
using Redis.Application.Common;

namespace Redis.Application.Commands.ZSetCommon;

/// <summary><c>zset-max-listpack-entries</c> and <c>zset-max-listpack-value</c>, read live: the listpack encoding's limits.</summary>
internal sealed class ZSetLimits(IServerSettings settings)
{
    private readonly LiveSetting _entries = new(settings, "zset-max-listpack-entries", 128);
    private readonly LiveSetting _value = new(settings, "zset-max-listpack-value", 64);

    public long MaxListpackEntries => _entries.Value;

    public long MaxListpackValue => _value.Value;
}
