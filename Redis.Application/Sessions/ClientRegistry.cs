using Redis.Application.Common;
using Redis.Application.PubSub;

namespace Redis.Application.Sessions;

/// <summary>The open connections' sessions, as Redis's <c>server.clients</c> list: what CLIENT LIST walks and INFO counts.</summary>
/// <remarks>
/// The transport opens a session when it accepts a connection and closes it when the connection ends. Only the serving
/// thread opens, closes and walks sessions. <see cref="Count"/> is also read by the metrics collector's thread: an
/// aligned <c>int</c>, read whole, at worst one connection behind.
/// </remarks>
public sealed class ClientRegistry(DefaultUser user, PubSubRegistry pubSub)
{
    /// <summary>A registry with a pub/sub registry of its own, for a host that does not share one.</summary>
    public ClientRegistry(DefaultUser user)
        : this(user, new PubSubRegistry())
    {
    }

    // A linked list, as Redis's server.clients is: accepting appends, closing unlinks in O(1), listing keeps accept order.
    private readonly LinkedList<ClientSession> _open = [];
    private readonly List<ClientSession> _monitors = [];
    private long _lastId;
    private int _count;

    /// <summary><c>connected_clients</c>: sessions open now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Sessions that ran <c>MONITOR</c> (Redis's <c>server.monitors</c>), in the order they did. The command path tests
    /// <see cref="MonitorCount"/> once per command, so nobody monitoring costs that one field read.
    /// </summary>
    public IReadOnlyList<ClientSession> Monitors => _monitors;

    /// <summary>How many sessions monitor now.</summary>
    public int MonitorCount { get; private set; }

    /// <summary>Makes <paramref name="session"/> a monitor (Redis's <c>monitorCommand</c>); a second call does nothing.</summary>
    public void AddMonitor(ClientSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsMonitor)
        {
            return;
        }

        session.IsMonitor = true;
        _monitors.Add(session);
        MonitorCount = _monitors.Count;
    }

    /// <summary>The open sessions, oldest first.</summary>
    public IReadOnlyCollection<ClientSession> Sessions => _open;

    /// <summary>Raised when a replica's or the master's session closes: the replication state forgets the link.</summary>
    public event Action<ClientSession>? ReplicationLinkClosed;

    /// <summary>Starts the session of a connection just accepted; ids count up from 1, as Redis's do.</summary>
    /// <param name="remoteAddress">The peer as <c>ip:port</c>, for <c>CLIENT LIST</c>'s <c>addr</c>.</param>
    /// <param name="localAddress">The local end as <c>ip:port</c>, for <c>laddr</c>.</param>
    public ClientSession Open(string? remoteAddress, string? localAddress)
    {
        var session = new ClientSession(++_lastId, remoteAddress, localAddress, authenticated: !user.RequiresPassword);
        session.Node = _open.AddLast(session);
        Volatile.Write(ref _count, _open.Count);
        return session;
    }

    /// <summary>Ends <paramref name="session"/>: it no longer appears in <c>CLIENT LIST</c> or counts as connected.</summary>
    public void Close(ClientSession session)
    {
        if (session.Node?.List == _open)
        {
            _open.Remove(session.Node);
        }

        session.Node = null;
        Volatile.Write(ref _count, _open.Count);

        // Redis's freeClient: the connection's watches go with it, so no write marks a handle nobody will read.
        session.Transaction.Discard();

        // And its subscriptions, so no PUBLISH counts or addresses a connection that is gone.
        pubSub.UnsubscribeAll(session);

        // And its place among the monitors (Redis's freeClient unlinks it from server.monitors).
        if (session.IsMonitor)
        {
            _monitors.Remove(session);
            MonitorCount = _monitors.Count;
        }

        if (session.IsReplica || session.IsMaster)
        {
            ReplicationLinkClosed?.Invoke(session);
        }
    }
}
