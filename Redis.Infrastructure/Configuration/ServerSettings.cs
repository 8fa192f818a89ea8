using System.Globalization;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;

namespace Redis.Infrastructure.Configuration;

/// <summary>Reports the options under their Redis names for <c>CONFIG GET</c>, plus the fixed answers of a server without persistence.</summary>
internal sealed class ServerSettings(IOptions<RedisServerOptions> options) : IServerSettings
{
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = Describe(options.Value);

    private static KeyValuePair<string, string>[] Describe(RedisServerOptions o) =>
    [
        new("bind", o.Bind),
        new("port", Invariant(o.Port)),
        new("tcp-backlog", Invariant(o.TcpBacklog)),
        new("proto-max-bulk-len", Invariant(o.ProtoMaxBulkLen)),
        new("client-query-buffer-limit", Invariant(o.ClientQueryBufferLimit)),
        new("hz", Invariant(o.Hz)),
        new("timeout", Invariant(o.Timeout)),
        new("tcp-keepalive", Invariant(o.TcpKeepAlive)),
        new("client-output-buffer-limit", o.ToOutputBufferLimits().ToString()),
        new("protected-mode", o.ProtectedMode ? "yes" : "no"),
        new("io-model", o.UsesEventLoop ? IoModels.EventLoop : IoModels.Blocking),

        // Redis reports the password itself, to a client that has authenticated (CONFIG is not no_auth).
        new("requirepass", o.RequirePass),
        new("databases", Invariant(o.Databases)),

        // The blocking transport serves one connection at a time, whatever the setting says.
        new("maxclients", o.UsesEventLoop ? Invariant(o.MaxClients) : "1"),
        new("maxmemory", "0"),
        new("save", string.Empty),
        new("appendonly", "no"),
        new("replica-read-only", "yes"),
        new("slave-read-only", "yes"),
    ];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
