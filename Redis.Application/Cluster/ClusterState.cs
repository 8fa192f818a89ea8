using System.Collections.Concurrent;
using System.Security.Cryptography;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Cluster;

namespace Redis.Application.Cluster;

/// <summary>
/// This node's cluster configuration (Redis's <c>clusterState</c>): its own id and epoch, the nodes it knows, who
/// serves each slot; changed by the <c>CLUSTER</c> commands on the serving thread and by the bus on its own threads.
/// </summary>
/// <remarks>
/// <para>
/// Writers take one lock, change the tables, and publish a new immutable <see cref="ClusterView"/> with a volatile
/// write. The router and the commands read <see cref="View"/> without locking: one reference read per command, and a
/// view never changes once published (ADR 0036).
/// </para>
/// <para>
/// <see cref="Enabled"/> is <c>cluster-enabled</c>, read once: Redis does not allow it to change while running.
/// </para>
/// </remarks>
public sealed class ClusterState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, NodeRecord> _nodes = new(StringComparer.Ordinal);
    private readonly string?[] _owners = new string?[HashSlot.Count];
    private readonly Dictionary<string, long> _forgotten = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<MeetRequest> _meets = new();
    private readonly LiveSetting _nodeTimeout;
    private readonly TimeProvider _time;
    private readonly long[] _sent = new long[3];
    private readonly long[] _received = new long[3];
    private NodeRecord _myself;
    private long _currentEpoch;
    private volatile ClusterView _view;

    public ClusterState(IServerSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _time = time;
        Enabled = settings.GetString("cluster-enabled", "no") == "yes";
        _nodeTimeout = new LiveSetting(settings, "cluster-node-timeout", 15000);
        var fullCoverage = settings.GetString("cluster-require-full-coverage", "yes");
        RequireFullCoverage = fullCoverage == "yes";
        AllowReadsWhenDown = settings.GetString("cluster-allow-reads-when-down", "no") == "yes";
        settings.Changed += name =>
        {
            if (name == "cluster-require-full-coverage")
            {
                RequireFullCoverage = settings.GetString(name, "yes") == "yes";
                Publish();
            }
            else if (name == "cluster-allow-reads-when-down")
            {
                AllowReadsWhenDown = settings.GetString(name, "no") == "yes";
            }
        };

        var port = (int)settings.GetInt64("port", 6379);
        var busPort = (int)settings.GetInt64("cluster-port", 0);
        _myself = new NodeRecord(NewId(), string.Empty, port, busPort == 0 ? port + 10000 : busPort, 0);
        _nodes[_myself.Id] = _myself;
        _view = Build();
    }

    /// <summary><c>cluster-enabled</c>, as the server started.</summary>
    public bool Enabled { get; }

    /// <summary><c>cluster-require-full-coverage</c>.</summary>
    public bool RequireFullCoverage { get; private set; }

    /// <summary><c>cluster-allow-reads-when-down</c>.</summary>
    public bool AllowReadsWhenDown { get; private set; }

    /// <summary><c>cluster-node-timeout</c> in milliseconds.</summary>
    public long NodeTimeout => _nodeTimeout.Value;

    /// <summary>The configuration now; a new instance after every change.</summary>
    public ClusterView View => _view;

    /// <summary>Messages sent by type, for <c>CLUSTER INFO</c>.</summary>
    public IReadOnlyList<long> MessagesSent => _sent;

    /// <summary>Messages received by type, for <c>CLUSTER INFO</c>.</summary>
    public IReadOnlyList<long> MessagesReceived => _received;

    /// <summary>The <c>CLUSTER MEET</c> requests the bus has still to carry out.</summary>
    public bool TryTakeMeet(out MeetRequest meet) => _meets.TryDequeue(out meet!);

    /// <summary>Redis's <c>clusterStartHandshake</c>: queues a meeting for the bus; false when the address is not valid.</summary>
    public bool Meet(string ip, long port, long busPort)
    {
        // inet_pton, as Redis parses it: a dotted IPv4 address has four parts (IPAddress alone takes "1.2.3" too).
        var dotted = !ip.Contains(':', StringComparison.Ordinal);
        if (!System.Net.IPAddress.TryParse(ip, out var address) || (dotted && ip.Count(c => c == '.') != 3)
            || port is <= 0 or > 65535 || busPort is < 0 or > 65535)
        {
            return false;
        }

        _meets.Enqueue(new MeetRequest(address.ToString(), (int)port, (int)busPort));
        return true;
    }

    /// <summary>Sets the ports this node announces, once the bus listens (the client port may have been 0, any free one).</summary>
    public void SetMyPorts(int port, int busPort) => Change(() => (_myself.Port, _myself.BusPort) = (port, busPort));

    /// <summary><c>CLUSTER ADDSLOTS</c>/<c>DELSLOTS</c> after their checks: the marked slots become this node's, or nobody's.</summary>
    public void UpdateSlots(bool[] slots, bool delete)
    {
        ArgumentNullException.ThrowIfNull(slots);
        Change(() =>
        {
            for (var slot = 0; slot < HashSlot.Count; slot++)
            {
                if (slots[slot])
                {
                    _owners[slot] = delete ? null : _myself.Id;
                }
            }
        });
    }

    /// <summary><c>CLUSTER SET-CONFIG-EPOCH</c>: null when set, else Redis's error text.</summary>
    public string? SetConfigEpoch(long epoch)
    {
        string? error = null;
        Change(() =>
        {
            if (_nodes.Count > 1)
            {
                error = "The user can assign a config epoch only when the node does not know any other node.";
            }
            else if (_myself.ConfigEpoch != 0)
            {
                error = "Node config epoch is already non-zero";
            }
            else
            {
                _myself.ConfigEpoch = epoch;
                _currentEpoch = Math.Max(_currentEpoch, epoch);
            }
        });
        return error;
    }

    /// <summary>
    /// Redis's <c>clusterBumpConfigEpochWithoutConsensus</c>: a new epoch for this node unless its epoch is already the
    /// highest; the <c>CLUSTER BUMPEPOCH</c> reply, <c>BUMPED n</c> or <c>STILL n</c>.
    /// </summary>
    public string BumpEpoch()
    {
        var bumped = false;
        Change(() =>
        {
            var highest = _nodes.Values.Max(n => n.ConfigEpoch);
            if (_myself.ConfigEpoch == 0 || _myself.ConfigEpoch != highest || _nodes.Values.Count(n => n.ConfigEpoch == highest) > 1)
            {
                _currentEpoch++;
                _myself.ConfigEpoch = _currentEpoch;
                bumped = true;
            }
        });
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(bumped ? "BUMPED" : "STILL")} {_myself.ConfigEpoch}");
    }

    /// <summary><c>CLUSTER FORGET</c>: null when forgotten (and kept out for a minute, Redis's blacklist), else Redis's error text.</summary>
    public string? Forget(string id)
    {
        string? error = null;
        Change(() =>
        {
            if (!_nodes.TryGetValue(id, out var node))
            {
                error = "Unknown node " + id;
                return;
            }

            if (node == _myself)
            {
                error = "I tried hard but I can't forget myself...";
                return;
            }

            Remove(node);
            _forgotten[id] = _time.GetUnixMilliseconds() + 60_000;
        });
        return error;
    }

    /// <summary>Redis's <c>clusterReset</c>: forgets every other node and every slot; <paramref name="hard"/> also takes a new id and zeroes the epochs.</summary>
    public void Reset(bool hard) => Change(() =>
    {
        foreach (var node in _nodes.Values.Where(n => n != _myself).ToArray())
        {
            Remove(node);
        }

        Array.Clear(_owners);
        if (hard)
        {
            _nodes.Remove(_myself.Id);
            _myself.Id = NewId();
            _nodes[_myself.Id] = _myself;
            _myself.ConfigEpoch = 0;
            _currentEpoch = 0;
        }
    });

    /// <summary>The message this node sends: its own entry and what it knows of the others.</summary>
    public ClusterMessage CreateMessage(ClusterMessageType type)
    {
        lock (_gate)
        {
            _sent[(int)type]++;
            return new ClusterMessage(type, _currentEpoch, Entry(_myself), [.. _nodes.Values.Where(n => n != _myself).Select(Entry)]);
        }
    }

    /// <summary>
    /// Takes in a message from the bus (Redis's <c>clusterProcessPacket</c>, simplified): the sender becomes known, its
    /// own entry is the truth about its slots where its epoch is not older, and the nodes it names are added.
    /// </summary>
    /// <param name="message">What arrived.</param>
    /// <param name="senderIp">The peer's address as the socket saw it, which is where clients reach it.</param>
    /// <param name="localIp">This side's address of the connection: this node's own address, while it does not know one.</param>
    public void Receive(ClusterMessage message, string senderIp, string localIp)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = _time.GetUnixMilliseconds();
        Change(() =>
        {
            _received[(int)message.Type]++;
            if (_myself.Ip.Length == 0 && localIp.Length > 0)
            {
                _myself.Ip = localIp;
            }

            _currentEpoch = Math.Max(_currentEpoch, message.CurrentEpoch);
            var sender = message.Sender;
            if (sender.Id == _myself.Id || IsForgotten(sender.Id, now))
            {
                return;
            }

            if (!_nodes.TryGetValue(sender.Id, out var node))
            {
                node = new NodeRecord(sender.Id, senderIp, sender.Port, sender.BusPort, sender.ConfigEpoch) { Added = now };
                _nodes[node.Id] = node;
            }

            (node.Ip, node.Port, node.BusPort, node.ConfigEpoch) = (senderIp, sender.Port, sender.BusPort, sender.ConfigEpoch);
            node.PongReceived = now;
            node.PingSent = 0;
            node.Health = NodeHealth.Online;
            ClaimSlots(node, sender.Slots);

            foreach (var other in message.Others)
            {
                if (other.Id != _myself.Id && !_nodes.ContainsKey(other.Id) && !IsForgotten(other.Id, now) && other.Ip.Length > 0)
                {
                    _nodes[other.Id] = new NodeRecord(other.Id, other.Ip, other.Port, other.BusPort, other.ConfigEpoch) { Added = now };
                }
            }
        });
    }

    /// <summary>The nodes the bus should ping now, with the time the pings start.</summary>
    public IReadOnlyList<(string Id, string Ip, int BusPort)> PingTargets()
    {
        var now = _time.GetUnixMilliseconds();
        lock (_gate)
        {
            var targets = new List<(string, string, int)>();
            foreach (var node in _nodes.Values.Where(n => n != _myself))
            {
                node.PingSent = node.PingSent == 0 ? now : node.PingSent;
                targets.Add((node.Id, node.Ip, node.BusPort));
            }

            return targets;
        }
    }

    /// <summary>Redis's failure detection, without the quorum: a node silent past <see cref="NodeTimeout"/> is <c>fail?</c>, past twice that <c>fail</c>.</summary>
    public void UpdateHealth()
    {
        var now = _time.GetUnixMilliseconds();
        lock (_gate)
        {
            foreach (var node in _nodes.Values.Where(n => n != _myself))
            {
                var silent = now - Math.Max(node.PongReceived, node.Added);
                var health = silent > 2 * NodeTimeout ? NodeHealth.Failing
                    : silent > NodeTimeout ? NodeHealth.PossiblyFailing
                    : NodeHealth.Online;
                node.Health = health;
            }

            _view = Build();
        }
    }

    /// <summary>
    /// Restores the configuration saved in <c>nodes.conf</c> (Redis's <c>clusterLoadConfig</c>): this node's id, epochs
    /// and slots, and the other nodes with theirs.
    /// </summary>
    public void Load(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Change(() =>
        {
            foreach (var line in lines)
            {
                if (ClusterNodesText.TryParseVars(line, out var epoch))
                {
                    _currentEpoch = epoch;
                }
                else if (ClusterNodesText.TryParseLine(line, out var entry, out var myself))
                {
                    var node = myself ? _myself : new NodeRecord(entry.Id, entry.Ip, entry.Port, entry.BusPort, entry.ConfigEpoch);
                    if (myself)
                    {
                        _nodes.Remove(_myself.Id);
                        (node.Id, node.ConfigEpoch) = (entry.Id, entry.ConfigEpoch);
                    }

                    node.Added = _time.GetUnixMilliseconds();
                    _nodes[node.Id] = node;
                    foreach (var range in entry.Slots)
                    {
                        Array.Fill(_owners, node.Id, range.Start, range.End - range.Start + 1);
                    }
                }
            }
        });
    }

    private void ClaimSlots(NodeRecord node, IReadOnlyList<SlotRange> claimed)
    {
        var claims = new bool[HashSlot.Count];
        foreach (var range in claimed)
        {
            Array.Fill(claims, true, range.Start, range.End - range.Start + 1);
        }

        for (var slot = 0; slot < HashSlot.Count; slot++)
        {
            var owner = _owners[slot];
            if (claims[slot])
            {
                // clusterUpdateSlotsConfigWith: a claim wins over no owner and over an owner with an older epoch.
                if (owner is null || (owner != node.Id && _nodes.TryGetValue(owner, out var current) && current.ConfigEpoch < node.ConfigEpoch))
                {
                    _owners[slot] = node.Id;
                }
            }
            else if (owner == node.Id)
            {
                _owners[slot] = null;
            }
        }
    }

    private bool IsForgotten(string id, long now) =>
        _forgotten.TryGetValue(id, out var until) && (until > now || !_forgotten.Remove(id));

    private void Remove(NodeRecord node)
    {
        _nodes.Remove(node.Id);
        for (var slot = 0; slot < HashSlot.Count; slot++)
        {
            if (_owners[slot] == node.Id)
            {
                _owners[slot] = null;
            }
        }
    }

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
            _view = Build();
        }
    }

    private void Publish()
    {
        lock (_gate)
        {
            _view = Build();
        }
    }

    private GossipEntry Entry(NodeRecord node) =>
        new(node.Id, node.Ip, node.Port, node.BusPort, node.ConfigEpoch, SlotRange.From(slot => _owners[slot] == node.Id, HashSlot.Count));

    private ClusterView Build()
    {
        var nodes = new Dictionary<string, ClusterNode>(StringComparer.Ordinal);
        var ordered = new List<ClusterNode>();
        foreach (var record in _nodes.Values.OrderBy(n => n != _myself))
        {
            var node = new ClusterNode(
                record.Id, record.Ip, record.Port, record.BusPort, record.ConfigEpoch, record == _myself, record.Health,
                record == _myself ? 0 : record.PingSent, record == _myself ? 0 : record.PongReceived,
                SlotRange.From(slot => _owners[slot] == record.Id, HashSlot.Count));
            nodes[record.Id] = node;
            ordered.Add(node);
        }

        var owners = new ClusterNode?[HashSlot.Count];
        for (var slot = 0; slot < HashSlot.Count; slot++)
        {
            owners[slot] = _owners[slot] is { } id ? nodes[id] : null;
        }

        return new ClusterView(ordered, owners, _currentEpoch, RequireFullCoverage);
    }

    /// <summary>Redis's node names: 40 random hex digits (<c>getRandomHexChars</c>).</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    /// <summary>A node's mutable record, changed only under the lock.</summary>
    private sealed class NodeRecord(string id, string ip, int port, int busPort, long configEpoch)
    {
        public string Id { get; set; } = id;

        public string Ip { get; set; } = ip;

        public int Port { get; set; } = port;

        public int BusPort { get; set; } = busPort;

        public long ConfigEpoch { get; set; } = configEpoch;

        public long PingSent { get; set; }

        public long PongReceived { get; set; }

        public long Added { get; set; }

        public NodeHealth Health { get; set; }
    }
}
