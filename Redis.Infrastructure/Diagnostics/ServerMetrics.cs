using System.Diagnostics.Metrics;
using Redis.Application.Common;
using Redis.Application.Sessions;

namespace Redis.Infrastructure.Diagnostics;

/// <summary>Publishes the server's counters as a <see cref="Meter"/>, for <c>dotnet-counters monitor --counters RedisClean.Server</c>.</summary>
/// <remarks>
/// The instruments are observed from the collector's thread. They read <see cref="ServerStatistics"/> fields that only
/// the serving thread writes; a monitoring read may be one update behind, never torn (aligned 64-bit reads), and it
/// never touches the keyspace itself, whose sizes the serving thread copies into the statistics on every expiry tick.
/// </remarks>
public sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "RedisClean.Server";

    private readonly Meter _meter = new(MeterName);

    public ServerMetrics(ServerStatistics statistics, ClientRegistry clients)
    {
        _meter.CreateObservableCounter("redis.commands.processed", () => statistics.CommandsProcessed, "{command}", "Commands executed");
        _meter.CreateObservableCounter("redis.connections.received", () => statistics.ConnectionsReceived, "{connection}", "Clients accepted");
        _meter.CreateObservableUpDownCounter("redis.clients.connected", () => clients.Count, "{client}", "Open client connections");
        _meter.CreateObservableCounter("redis.protocol.errors", () => statistics.ProtocolErrors, "{connection}", "Connections closed after a protocol error");
        _meter.CreateObservableCounter("redis.keys.expired", () => statistics.ExpiredKeys, "{key}", "Keys removed because their time ran out");
        _meter.CreateObservableUpDownCounter("redis.keys", () => statistics.Keys, "{key}", "Keys in the keyspace");
        _meter.CreateObservableUpDownCounter("redis.keys.volatile", () => statistics.VolatileKeys, "{key}", "Keys with a time to live");
        _meter.CreateObservableCounter("redis.network.received", () => statistics.NetInputBytes, "By", "Bytes received from clients");
        _meter.CreateObservableCounter("redis.network.sent", () => statistics.NetOutputBytes, "By", "Bytes sent to clients");
    }

    public void Dispose() => _meter.Dispose();
}
