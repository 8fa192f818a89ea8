using System.Diagnostics;
using System.Security.Cryptography;

namespace Redis.Application.Common;

/// <summary>The server's running counters, as <c>INFO</c> reports them under Redis's field names.</summary>
/// <remarks>Written and read only by the serving thread, like the keyspace, so plain fields suffice.</remarks>
public sealed class ServerStatistics
{
    /// <summary>When the server started, on the monotonic <see cref="Stopwatch"/> clock (<c>uptime_in_seconds</c>).</summary>
    /// <remarks>The statistics are created with the transport at start-up, so this is the start of the server.</remarks>
    public long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    /// <summary><c>run_id</c>: 40 random hex characters that identify this run of the server.</summary>
    public string RunId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>The address of the client being served (<c>addr</c> in <c>CLIENT INFO</c>), when the transport reports it.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>The local address the client connected to (<c>laddr</c> in <c>CLIENT INFO</c>), when the transport reports it.</summary>
    public string? LocalAddress { get; set; }

    /// <summary><c>total_connections_received</c>.</summary>
    public long ConnectionsReceived { get; set; }

    /// <summary><c>connected_clients</c>: 0 or 1, since one client is served at a time.</summary>
    public int ConnectedClients { get; set; }

    /// <summary><c>total_commands_processed</c>.</summary>
    public long CommandsProcessed { get; set; }

    /// <summary>Connections closed after a protocol error.</summary>
    public long ProtocolErrors { get; set; }

    /// <summary><c>total_net_input_bytes</c>.</summary>
    public long NetInputBytes { get; set; }

    /// <summary><c>total_net_output_bytes</c>.</summary>
    public long NetOutputBytes { get; set; }

    /// <summary>Keys in the keyspace, as of the last expiry tick (for monitoring from another thread).</summary>
    public long Keys { get; set; }

    /// <summary>Keys with a TTL, as of the last expiry tick.</summary>
    public long VolatileKeys { get; set; }

    /// <summary><c>expired_keys</c>, as of the last expiry tick.</summary>
    public long ExpiredKeys { get; set; }
}
