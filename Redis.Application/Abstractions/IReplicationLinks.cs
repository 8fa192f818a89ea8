namespace Redis.Application.Abstractions;

/// <summary>
/// The transport's half of replication: an RDB of the dataset for a replica's full synchronisation, and the
/// connection to this server's own master. Infrastructure implements it; Application decides when to use it.
/// </summary>
/// <remarks>Only the serving thread calls it, and it calls back on the serving thread.</remarks>
public interface IReplicationLinks
{
    /// <summary>False for the one-client transport, which cannot keep a replica's or a master's connection open beside its client.</summary>
    bool Supported { get; }

    /// <summary>
    /// Starts writing an RDB of the dataset as it is now (a point-in-time snapshot, ADR 0029) and calls
    /// <paramref name="completed"/> with its bytes once written, or with null if it failed.
    /// </summary>
    void WriteSnapshot(Action<byte[]?> completed);

    /// <summary>Starts connecting to the master at <paramref name="host"/>:<paramref name="port"/>, replacing any link there was.</summary>
    void ConnectToMaster(string host, int port);

    /// <summary>Drops the link to the master, or the attempt to make one.</summary>
    void DisconnectFromMaster();
}
