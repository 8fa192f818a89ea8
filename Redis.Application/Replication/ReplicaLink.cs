using Redis.Application.Sessions;

namespace Redis.Application.Replication;

/// <summary>Where a replica's synchronisation stands: Redis's <c>SLAVE_STATE_WAIT_BGSAVE_END</c> and <c>SLAVE_STATE_ONLINE</c>.</summary>
public enum ReplicaState
{
    /// <summary>Told <c>+FULLRESYNC</c>; its RDB is being written, and the stream after it is kept for it meanwhile.</summary>
    WaitingForSnapshot,

    /// <summary>Has its copy and receives the stream as it is produced.</summary>
    Online,
}

/// <summary>One replica attached to this server: Redis's replica-side fields of a <c>client</c>.</summary>
public sealed class ReplicaLink(ClientSession session, string address, int listeningPort)
{
    /// <summary>The replica's connection.</summary>
    public ClientSession Session { get; } = session;

    /// <summary>The replica's IP, as INFO's <c>slaveN:ip=</c> and ROLE report it.</summary>
    public string Address { get; } = address;

    /// <summary>The port it listens on (<c>REPLCONF listening-port</c>), 0 when it did not say.</summary>
    public int ListeningPort { get; } = listeningPort;

    /// <summary>Where its synchronisation stands.</summary>
    public ReplicaState State { get; internal set; } = ReplicaState.WaitingForSnapshot;

    /// <summary>The last offset it acknowledged (<c>REPLCONF ACK</c>).</summary>
    public long AckOffset { get; internal set; }

    /// <summary>When it last acknowledged, Unix milliseconds (INFO's <c>lag</c>).</summary>
    public long AckTime { get; internal set; }

    /// <summary>The stream produced while its RDB is written, sent after the RDB.</summary>
    internal List<byte[]>? Pending { get; set; } = [];
}
