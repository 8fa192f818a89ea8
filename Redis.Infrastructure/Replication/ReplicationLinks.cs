using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Application.Replication;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Replication;

/// <summary>
/// The transport's half of replication (ADR 0037): the RDB a replica's full synchronisation sends, written on a thread
/// of its own from a point-in-time snapshot, and the link to this server's master, whose handshake and RDB download run
/// on a thread of their own before the serving thread loads the RDB and adopts the connection.
/// </summary>
/// <remarks>
/// Every call into the dataset or the replication state happens on the serving thread: from a command, or from
/// <see cref="Run"/>, the cron job, which collects a finished snapshot and drives <see cref="ReplicationState.Cron"/>
/// once a second. The event loop takes a synchronised link with <see cref="TryTakeMaster"/> each turn.
/// </remarks>
public sealed partial class ReplicationLinks : IReplicationLinks, ICronJob, IDisposable
{
    private readonly ReplicationState _replication;
    private readonly Databases _databases;
    private readonly BackgroundChild _child;
    private readonly RedisServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ReplicationLinks> _logger;
    private RunningSnapshot? _snapshot;
    private MasterHandshake? _handshake;
    private long _nextCron;
    private bool _startedAsReplica;

    public ReplicationLinks(ReplicationState replication, Databases databases, BackgroundChild child, IOptions<RedisServerOptions> options, TimeProvider time, ILogger<ReplicationLinks> logger)
    {
        ArgumentNullException.ThrowIfNull(replication);
        ArgumentNullException.ThrowIfNull(options);
        _replication = replication;
        _databases = databases;
        _child = child;
        _options = options.Value;
        _time = time;
        _logger = logger;
        replication.Links = this;
    }

    /// <summary>Set by the event loop; the one-client transport leaves it false.</summary>
    public bool Supported { get; set; }

    public void WriteSnapshot(Action<byte[]?> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);

        // The snapshot must be taken now, at the offset +FULLRESYNC reported: a save still writing is waited for.
        _child.FinishNow();
        var snapshot = _databases.OpenSnapshot(_time.GetUtcNow().ToUnixTimeMilliseconds());
        var options = new RdbWriterOptions(_options.RdbCompression, _options.RdbChecksum);
        var writer = Task.Run(() =>
        {
            using var buffer = new MemoryStream();
            SnapshotFile.WriteRdb(buffer, snapshot, options, _time, aofBase: false, CancellationToken.None);
            return buffer.ToArray();
        });
        var running = new RunningSnapshot(snapshot, writer, completed);
        _child.Take(BackgroundChildKind.Rdb, () => Collect(running, wait: true));
        _snapshot = running;
        LogSnapshotStarted();
    }

    public void ConnectToMaster(string host, int port)
    {
        DisconnectFromMaster();
        _handshake = MasterHandshake.Start(host, port, _options.Port, _replication.Backlog is null ? null : (_replication.ReplicationId, _replication.Offset + 1),
            _options.MasterAuth, _options.MasterUser, TimeSpan.FromSeconds(Math.Max(1, _options.ReplTimeout)));
        LogConnecting(host, port);
    }

    public void DisconnectFromMaster()
    {
        _handshake?.Cancel();
        _handshake = null;
        _replication.Master?.Connection?.Close("the master link was dropped by REPLICAOF");
    }

    /// <summary>
    /// A handshake that finished: the RDB of a full synchronisation is loaded here, in place of the data this server
    /// held, and the replication state follows the master's history. Null while none finished; a failed one is
    /// reported to the replication state, which tries again.
    /// </summary>
    internal MasterConnection? TryTakeMaster(Func<System.Net.Sockets.Socket, Application.Sessions.ClientSession> adopt)
    {
        ArgumentNullException.ThrowIfNull(adopt);
        if (_handshake is not { IsFinished: true } handshake)
        {
            return null;
        }

        _handshake = null;
        if (handshake.Result is not { } result)
        {
            LogHandshakeFailed(handshake.Error ?? "unknown error");
            _replication.LinkFailed();
            return null;
        }

        if (result.Rdb is { } rdb)
        {
            try
            {
                _databases.Clear();
                using var input = new MemoryStream(rdb, writable: false);
                DatabaseLoader.Load(_databases, input, _time.GetUtcNow().ToUnixTimeMilliseconds(), merge: false, PersistenceFiles.LoadLimits(_options));
            }
            catch (RdbFormatException e)
            {
                result.Socket.Dispose();
                LogHandshakeFailed("the master's RDB could not be loaded: " + e.Message);
                _replication.LinkFailed();
                return null;
            }

            LogLoaded(rdb.Length, _databases.KeyCount);
        }

        var session = adopt(result.Socket);
        if (result.Rdb is not null)
        {
            _replication.FullySynchronized(session, result.ReplicationId!, result.Offset);
        }
        else
        {
            _replication.Continued(session, result.ReplicationId);
        }

        LogSynchronized(result.Rdb is null ? "partial" : "full", _replication.Offset);
        return new MasterConnection(session, result.Leftover);
    }

    public void Run(long now)
    {
        // replicaof in the settings: the server starts as a replica, once the serving thread runs.
        if (!_startedAsReplica && _options.ReplicaOf.Length != 0)
        {
            _startedAsReplica = true;
            if (!Supported)
            {
                LogReplicaOfIgnored();
            }
            else if (_options.ReplicaOf.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var host, var port] &&
                int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                _replication.BecomeReplicaOf(host, number);
            }
        }

        if (_snapshot is { Writer.IsCompleted: true } running)
        {
            Collect(running, wait: false);
        }

        if (_handshake is { } handshake)
        {
            _replication.LinkProgress(handshake.Transferring ? MasterLinkState.Transfer : MasterLinkState.Connecting);
        }

        if (now >= _nextCron)
        {
            _nextCron = now + 1000;
            _replication.Cron();
        }
    }

    public void Dispose()
    {
        _handshake?.Cancel();
        if (_snapshot is { } running)
        {
            PersistenceFiles.WaitQuietly(running.Writer);
        }
    }

    private void Collect(RunningSnapshot running, bool wait)
    {
        if (!ReferenceEquals(_snapshot, running))
        {
            return;
        }

        if (wait)
        {
            PersistenceFiles.WaitQuietly(running.Writer);
        }

        _snapshot = null;
        running.Snapshot.Close();
        _child.Release();
        var rdb = running.Writer.IsCompletedSuccessfully ? running.Writer.Result : null;
        if (rdb is null)
        {
            LogSnapshotFailed(running.Writer.Exception?.GetBaseException().Message ?? "cancelled");
        }
        else
        {
            LogSnapshotWritten(rdb.Length);
        }

        running.Completed(rdb);
    }

    private sealed record RunningSnapshot(DatasetSnapshot Snapshot, Task<byte[]> Writer, Action<byte[]?> Completed);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Starting BGSAVE for SYNC with target: replicas sockets (in memory)")]
    private partial void LogSnapshotStarted();

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Synchronization with replica: RDB of {Bytes} bytes written, sending it")]
    private partial void LogSnapshotWritten(int bytes);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "The RDB for a replica's synchronization failed: {Reason}")]
    private partial void LogSnapshotFailed(string reason);

    [LoggerMessage(EventId = 63, Level = LogLevel.Information, Message = "Connecting to MASTER {Host}:{Port}")]
    private partial void LogConnecting(string host, int port);

    [LoggerMessage(EventId = 64, Level = LogLevel.Warning, Message = "Master link failed: {Reason}; retrying in a second")]
    private partial void LogHandshakeFailed(string reason);

    [LoggerMessage(EventId = 65, Level = LogLevel.Information, Message = "MASTER <-> REPLICA sync: loaded {Bytes} bytes of RDB, {Keys} keys")]
    private partial void LogLoaded(int bytes, long keys);

    [LoggerMessage(EventId = 67, Level = LogLevel.Warning, Message = "replicaof is set, but replication needs the event-loop transport (--io-model event-loop): serving as a master")]
    private partial void LogReplicaOfIgnored();

    [LoggerMessage(EventId = 66, Level = LogLevel.Information, Message = "MASTER <-> REPLICA sync: {Kind} synchronization done at offset {Offset}")]
    private partial void LogSynchronized(string kind, long offset);
}

/// <summary>The master's connection as the event loop adopts it: its session, and what arrived after the handshake.</summary>
public sealed record MasterConnection(Application.Sessions.ClientSession Session, byte[] Leftover);
