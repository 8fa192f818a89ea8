using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Replication;

/// <summary>This server's role in replication: Redis's <c>server.masterhost</c> set or not.</summary>
public enum ReplicationRole
{
    Master,
    Replica,
}

/// <summary>Where the link to this server's master stands, as ROLE names Redis's <c>repl_state</c>.</summary>
public enum MasterLinkState
{
    /// <summary>Not a replica.</summary>
    None,

    /// <summary>Waiting to connect, or to connect again after the link dropped (<c>connect</c>).</summary>
    Connect,

    /// <summary>Connecting and talking the handshake (<c>connecting</c>, <c>handshake</c>).</summary>
    Connecting,

    /// <summary>Receiving the master's RDB (<c>sync</c>).</summary>
    Transfer,

    /// <summary>Synchronised; the stream flows (<c>connected</c>).</summary>
    Connected,
}

/// <summary>
/// Redis's replication (<c>replication.c</c>) on the serving thread: the replication id and offset, the backlog, the
/// replicas attached and the stream fed to them, and, on a replica, where its link to the master stands.
/// </summary>
/// <remarks>
/// <para>
/// A master's stream is what <see cref="CommandPropagation"/> logs (ADR 0030's commands, made deterministic), encoded as
/// RESP with a <c>SELECT</c> whenever the database changes, as Redis's <c>replicationFeedSlaves</c> writes it. It is fed
/// once a backlog exists, which the first replica's <c>PSYNC</c> creates; before that nothing is encoded. Each byte
/// moves <see cref="Offset"/> (<c>master_repl_offset</c>), goes into the backlog, and to every online replica's
/// output; a replica waiting for its RDB keeps the bytes until the RDB is sent.
/// </para>
/// <para>
/// A replica applies its master's stream as commands from the master's session, and proxies the same bytes into its
/// own backlog and to its own replicas (Redis's <c>replicationFeedStreamFromMasterStream</c>), so its offset is its
/// master's and a chain of replicas agrees on one history. What it runs itself is not fed: it is read-only
/// (<c>replica-read-only</c>), and what it runs from its master is already in the bytes it proxies.
/// </para>
/// </remarks>
public sealed class ReplicationState : ICommandLog
{
    private static readonly byte[] SelectName = "SELECT"u8.ToArray();
    private static readonly CommandArgs Ping = CommandArgs.From("PING");
    private static readonly CommandArgs GetAck = CommandArgs.From("REPLCONF", "GETACK", "*");

    private readonly CommandPropagation _propagation;
    private readonly BlockedClients _blocked;
    private readonly TimeProvider _time;
    private readonly LiveSetting _backlogSize;
    private readonly LiveSetting _pingPeriod;
    private readonly LiveSetting _timeout;
    private readonly RequestWriter _writer = new();
    private readonly List<ReplicaLink> _replicas = [];
    private readonly List<(ClientSession Session, long Target, long Needed)> _waiters = [];
    private int _selectedDatabase = -1;
    private long _lastPing;
    private long _lastAck;

    public ReplicationState(CommandPropagation propagation, BlockedClients blocked, ClientRegistry clients, IServerSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(settings);
        _propagation = propagation;
        _blocked = blocked;
        _time = time;
        _backlogSize = new LiveSetting(settings, "repl-backlog-size", 1024 * 1024);
        _pingPeriod = new LiveSetting(settings, "repl-ping-replica-period", 10);
        _timeout = new LiveSetting(settings, "repl-timeout", 60);
        ReadOnly = settings.GetString("replica-read-only", "yes") == "yes";
        settings.Changed += name =>
        {
            if (name == "replica-read-only")
            {
                ReadOnly = settings.GetString(name, "yes") == "yes";
            }
            else if (name == "repl-backlog-size")
            {
                Backlog?.Resize(_backlogSize.Value);
            }
        };
        clients.ReplicationLinkClosed += Closed;
        ReplicationId = NewId();
    }

    /// <summary>The transport's half (set by the host); null until one is attached.</summary>
    public IReplicationLinks? Links { get; set; }

    /// <summary>Master or replica.</summary>
    public ReplicationRole Role { get; private set; }

    /// <summary>The id of the history this server's data follows (<c>master_replid</c>).</summary>
    public string ReplicationId { get; private set; }

    /// <summary>The id of the history before the last promotion (<c>master_replid2</c>), zeros when there was none.</summary>
    public string ReplicationId2 { get; private set; } = new('0', 40);

    /// <summary>Up to where <see cref="ReplicationId2"/>'s history is shared (<c>second_repl_offset</c>), -1 when there is none.</summary>
    public long SecondOffset { get; private set; } = -1;

    /// <summary>The offset of the last byte of the stream (<c>master_repl_offset</c>).</summary>
    public long Offset { get; private set; }

    /// <summary>The backlog, once the first replica asked for one (<c>repl_backlog_active</c>).</summary>
    public ReplicationBacklog? Backlog { get; private set; }

    /// <summary>The configured backlog size (<c>repl-backlog-size</c>).</summary>
    public long BacklogSize => _backlogSize.Value;

    /// <summary>The replicas attached, in the order they synchronised.</summary>
    public IReadOnlyList<ReplicaLink> Replicas => _replicas;

    /// <summary><c>replica-read-only</c>: a replica refuses writes from anyone but its master.</summary>
    public bool ReadOnly { get; private set; }

    /// <summary>True when this server is a read-only replica: the router refuses writes (one field test per command otherwise).</summary>
    public bool RefusesWrites => Role == ReplicationRole.Replica && ReadOnly;

    /// <summary>The master's host, on a replica.</summary>
    public string? MasterHost { get; private set; }

    /// <summary>The master's port, on a replica.</summary>
    public int MasterPort { get; private set; }

    /// <summary>Where the link to the master stands.</summary>
    public MasterLinkState LinkState { get; private set; }

    /// <summary>The master's session while the link is up.</summary>
    public ClientSession? Master { get; private set; }

    /// <summary>When the master last sent anything, Unix milliseconds.</summary>
    public long LastMasterInteraction { get; private set; }

    /// <summary>When the link last went down, Unix milliseconds; 0 while it has never been up.</summary>
    public long LinkDownSince { get; private set; }

    /// <summary>Full synchronisations served (<c>sync_full</c>).</summary>
    public long FullSyncs { get; private set; }

    /// <summary>Partial synchronisations accepted (<c>sync_partial_ok</c>).</summary>
    public long PartialSyncsAccepted { get; private set; }

    /// <summary>Partial synchronisations refused (<c>sync_partial_err</c>).</summary>
    public long PartialSyncsRefused { get; private set; }

    /// <summary>Replicas whose <c>REPLCONF ACK</c> reached <paramref name="offset"/> (Redis's <c>replicationCountAcksByOffset</c>).</summary>
    public int CountAcks(long offset) => _replicas.Count(r => r.State == ReplicaState.Online && r.AckOffset >= offset);

    /// <summary>
    /// Redis's <c>masterTryPartialResynchronization</c>: the bytes a replica asking to continue <paramref name="replicationId"/>
    /// from <paramref name="offset"/> misses, when this server's history is that one (or was, up to <see cref="SecondOffset"/>)
    /// and the backlog still holds them.
    /// </summary>
    public bool TryContinue(string replicationId, long offset, out byte[] missing)
    {
        missing = [];
        var sameHistory = replicationId == ReplicationId || (replicationId == ReplicationId2 && offset <= SecondOffset);
        if (!sameHistory || Backlog is null || !Backlog.TryCopyFrom(offset, out missing))
        {
            if (replicationId != "?")
            {
                PartialSyncsRefused++;
            }

            return false;
        }

        PartialSyncsAccepted++;
        return true;
    }

    /// <summary>
    /// Attaches <paramref name="session"/> as a replica (Redis's <c>syncCommand</c>), online at once for a partial
    /// synchronisation from <paramref name="continueFrom"/>, or waiting for the RDB <see cref="SendSnapshot"/> sends it.
    /// </summary>
    /// <param name="continueFrom">The offset a partial synchronisation continues from; null for a full one.</param>
    public ReplicaLink Attach(ClientSession session, string address, int listeningPort, long? continueFrom = null)
    {
        var online = continueFrom is not null;
        ArgumentNullException.ThrowIfNull(session);
        EnsureBacklog();
        session.IsReplica = true;
        session.ReplyOff();
        var link = new ReplicaLink(session, address, listeningPort) { AckTime = Now(), AckOffset = (continueFrom ?? 1) - 1 };
        if (online)
        {
            (link.State, link.Pending) = (ReplicaState.Online, null);
        }
        else
        {
            FullSyncs++;
        }

        _replicas.Add(link);
        return link;
    }

    /// <summary>Sends a waiting replica its RDB (<c>$length</c>, then the bytes, as a disk-based sync does) and what the stream produced since.</summary>
    public void SendSnapshot(ReplicaLink replica, byte[]? rdb)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var connection = replica.Session.Connection;
        if (!_replicas.Contains(replica) || connection is null)
        {
            return;
        }

        if (rdb is null)
        {
            connection.Close("the RDB for its synchronisation could not be written");
            return;
        }

        connection.Deliver(Reply.Raw(Encoding.ASCII.GetBytes("$" + rdb.Length.ToString(CultureInfo.InvariantCulture) + "\r\n")));
        connection.Deliver(Reply.Raw(rdb));
        foreach (var bytes in replica.Pending!)
        {
            connection.Deliver(Reply.Raw(bytes));
        }

        (replica.State, replica.Pending, replica.AckTime) = (ReplicaState.Online, null, Now());
    }

    /// <summary><c>REPLCONF ACK offset</c> from a replica: its progress, which may satisfy clients in <c>WAIT</c>.</summary>
    public void Acknowledge(ClientSession session, long offset)
    {
        var replica = _replicas.Find(r => ReferenceEquals(r.Session, session));
        if (replica is null)
        {
            return;
        }

        replica.AckOffset = Math.Max(replica.AckOffset, offset);
        replica.AckTime = Now();
        ServeWaiters();
    }

    /// <summary>
    /// Redis's <c>waitCommand</c> when too few replicas acknowledged: <paramref name="session"/> waits until
    /// <paramref name="needed"/> of them reach <paramref name="target"/>, or <paramref name="timeout"/> ms pass, and the
    /// replicas are asked for their offsets at once (<c>REPLCONF GETACK</c>, through the stream).
    /// </summary>
    public void Wait(ClientSession session, long target, long needed, long timeout)
    {
        _blocked.BlockUntil(session, timeout, () =>
        {
            _waiters.RemoveAll(w => ReferenceEquals(w.Session, session));
            return Reply.Integer(CountAcks(target));
        });
        _waiters.Add((session, target, needed));
        Feed(-1, GetAck);
    }

    void ICommandLog.Append(int database, CommandArgs command)
    {
        // A replica proxies its master's bytes instead (MasterStreamProcessed); what it ran itself is not replicated.
        if (Role == ReplicationRole.Master)
        {
            Feed(database, command);
        }
    }

    /// <summary>
    /// Redis's <c>replicationCron</c>, once a second or so: a master pings its replicas every <c>repl-ping-replica-period</c>
    /// seconds and drops those silent for <c>repl-timeout</c>; a replica acknowledges its offset every second, drops a
    /// master silent for <c>repl-timeout</c>, and connects again when its link is down.
    /// </summary>
    public void Cron()
    {
        var now = Now();
        if (Role == ReplicationRole.Replica)
        {
            ReplicaCron(now);
        }

        if (_replicas.Count == 0)
        {
            return;
        }

        if (Role == ReplicationRole.Master && now - _lastPing >= _pingPeriod.Value * 1000)
        {
            _lastPing = now;
            Feed(-1, Ping);
        }

        foreach (var replica in _replicas.ToArray())
        {
            if (replica.State == ReplicaState.Online && now - replica.AckTime > _timeout.Value * 1000)
            {
                replica.Session.Connection?.Close("timeout: the replica sent no REPLCONF ACK for repl-timeout seconds");
            }
        }
    }

    /// <summary>
    /// <c>REPLICAOF host port</c>: forgets being a master, keeps the data until the master sends its own, and starts the
    /// link. Returns false when already a replica of that master.
    /// </summary>
    public bool BecomeReplicaOf(string host, int port)
    {
        if (Role == ReplicationRole.Replica && MasterHost == host && MasterPort == port)
        {
            return false;
        }

        Links!.DisconnectFromMaster();
        (Role, MasterHost, MasterPort, LinkState, LinkDownSince) = (ReplicationRole.Replica, host, port, MasterLinkState.Connecting, 0);
        Links.ConnectToMaster(host, port);
        return true;
    }

    /// <summary>
    /// <c>REPLICAOF NO ONE</c>: a replica becomes a master of its own history, shifting its ids as Redis's
    /// <c>shiftReplicationId</c> does, so its replicas, and its old master, may continue with a partial synchronisation.
    /// </summary>
    public void BecomeMaster()
    {
        if (Role == ReplicationRole.Master)
        {
            return;
        }

        Links?.DisconnectFromMaster();
        (Role, MasterHost, MasterPort, LinkState, Master) = (ReplicationRole.Master, null, 0, MasterLinkState.None, null);
        (ReplicationId2, SecondOffset, ReplicationId) = (ReplicationId, Offset + 1, NewId());
        _selectedDatabase = -1;
    }

    /// <summary>The link is handshaking or receiving the RDB (for ROLE and INFO).</summary>
    public void LinkProgress(MasterLinkState state) => LinkState = state;

    /// <summary>
    /// The master answered <c>+FULLRESYNC id offset</c> and its RDB is loaded: this server now follows that history,
    /// with a new backlog, and its own replicas must synchronise again.
    /// </summary>
    public void FullySynchronized(ClientSession master, string replicationId, long offset)
    {
        ArgumentNullException.ThrowIfNull(master);
        (ReplicationId, ReplicationId2, SecondOffset, Offset) = (replicationId, new string('0', 40), -1, offset);
        Backlog = new ReplicationBacklog(_backlogSize.Value, offset + 1);
        _propagation.Attach(this);
        foreach (var replica in _replicas.ToArray())
        {
            replica.Session.Connection?.Close("its master synchronised from a new history");
        }

        LinkUp(master);
    }

    /// <summary>The master answered <c>+CONTINUE [id]</c>: the stream goes on from this server's offset; a new id means the master was promoted.</summary>
    public void Continued(ClientSession master, string? newReplicationId)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (newReplicationId is not null && newReplicationId != ReplicationId)
        {
            (ReplicationId2, SecondOffset, ReplicationId) = (ReplicationId, Offset + 1, newReplicationId);
        }

        EnsureBacklog();
        LinkUp(master);
    }

    /// <summary>
    /// A command of the master's stream ran: its bytes move the offset, go into the backlog and on to this server's own
    /// replicas, unchanged.
    /// </summary>
    public void MasterStreamProcessed(ReadOnlySpan<byte> bytes)
    {
        LastMasterInteraction = Now();
        Append(bytes);
    }

    private void LinkUp(ClientSession master)
    {
        (Master, LinkState, LastMasterInteraction) = (master, MasterLinkState.Connected, Now());
        master.IsMaster = true;
        master.ReplyOff();
        _lastAck = 0;
    }

    private void ReplicaCron(long now)
    {
        switch (LinkState)
        {
            case MasterLinkState.Connected when Master is { Connection: { } connection }:
                if (now - LastMasterInteraction > _timeout.Value * 1000)
                {
                    connection.Close("timeout: the master sent nothing for repl-timeout seconds");
                }
                else if (now - _lastAck >= 1000)
                {
                    _lastAck = now;
                    connection.Deliver(Reply.Raw(AckCommand()));
                }

                break;
            case MasterLinkState.Connect:
                LinkState = MasterLinkState.Connecting;
                Links!.ConnectToMaster(MasterHost!, MasterPort);
                break;
        }
    }

    /// <summary><c>REPLCONF ACK offset</c>, what a replica sends its master every second and on <c>REPLCONF GETACK</c>.</summary>
    public byte[] AckCommand()
    {
        var writer = new RequestWriter();
        writer.Write(CommandArgs.From("REPLCONF", "ACK", Offset.ToString(CultureInfo.InvariantCulture)));
        return writer.Written.ToArray();
    }

    /// <summary>The link to the master could not be made or dropped: it is tried again by the cron.</summary>
    public void LinkFailed()
    {
        if (Role == ReplicationRole.Replica)
        {
            LinkState = MasterLinkState.Connect;
            LinkDownSince = LinkDownSince == 0 ? Now() : LinkDownSince;
        }
    }

    private void Closed(ClientSession session)
    {
        if (ReferenceEquals(session, Master))
        {
            Master = null;
            LinkDownSince = Now();
            if (Role == ReplicationRole.Replica)
            {
                LinkState = MasterLinkState.Connect;
            }

            return;
        }

        _replicas.RemoveAll(r => ReferenceEquals(r.Session, session));
    }

    private void ServeWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var (session, target, needed) = _waiters[i];
            if (session.Block is null)
            {
                _waiters.RemoveAt(i);
                continue;
            }

            var acks = CountAcks(target);
            if (acks >= needed)
            {
                _waiters.RemoveAt(i);
                _blocked.Resolve(session, Reply.Integer(acks));
            }
        }
    }

    private void EnsureBacklog()
    {
        if (Backlog is not null)
        {
            return;
        }

        // Redis's syncCommand: the first replica of a master without a backlog starts a new history.
        if (Role == ReplicationRole.Master)
        {
            (ReplicationId, ReplicationId2, SecondOffset) = (NewId(), new string('0', 40), -1);
        }

        Backlog = new ReplicationBacklog(_backlogSize.Value, Offset + 1);
        _propagation.Attach(this);
    }

    private void Feed(int database, CommandArgs command)
    {
        if (Backlog is null)
        {
            return;
        }

        _writer.Clear();
        if (database >= 0 && database != _selectedDatabase)
        {
            _writer.Write(CommandArgs.From(SelectName, CommandPropagation.Number(database)));
            _selectedDatabase = database;
        }

        _writer.Write(command);
        Append(_writer.Written);
    }

    /// <summary>The next bytes of the stream: they move the offset, go into the backlog, and to every replica.</summary>
    private void Append(ReadOnlySpan<byte> bytes)
    {
        Offset += bytes.Length;
        Backlog?.Append(bytes);
        if (_replicas.Count != 0)
        {
            FeedReplicas(bytes.ToArray());
        }
    }

    private void FeedReplicas(byte[] bytes)
    {
        var raw = Reply.Raw(bytes);
        foreach (var replica in _replicas)
        {
            if (replica.State == ReplicaState.Online)
            {
                replica.Session.Connection?.Deliver(raw);
            }
            else
            {
                replica.Pending!.Add(bytes);
            }
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
