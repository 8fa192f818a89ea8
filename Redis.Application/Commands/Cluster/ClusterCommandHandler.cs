using System.Globalization;
using System.Text;
using Mediator;
using Redis.Application.Cluster;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Cluster;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Cluster;

/// <summary>Answers <c>CLUSTER</c> as Redis 7.0's <c>clusterCommand</c> does, from the node's <see cref="ClusterState"/>.</summary>
/// <remarks>
/// <c>COUNTKEYSINSLOT</c> and <c>GETKEYSINSLOT</c> walk the keys of database 0 (Redis keeps an index of keys by slot;
/// this server does not, so they are O(n)).
/// </remarks>
public sealed class ClusterCommandHandler(ClusterState cluster, TimeProvider time) : IRequestHandler<ClusterCommand, Reply>
{
    private static readonly string[] MessageNames = ["ping", "pong", "meet"];

    private static readonly Reply HelpReply = HelpText.For(
        "cluster",
        "ADDSLOTS <slot> [<slot> ...]",
        "    Assign slots to current node.",
        "ADDSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]",
        "    Assign slots which are between <start-slot> and <end-slot> to current node.",
        "BUMPEPOCH",
        "    Advance the cluster config epoch.",
        "COUNT-FAILURE-REPORTS <node-id>",
        "    Return number of failure reports for <node-id>.",
        "COUNTKEYSINSLOT <slot>",
        "    Return the number of keys in <slot>.",
        "DELSLOTS <slot> [<slot> ...]",
        "    Delete slots information from current node.",
        "DELSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]",
        "    Delete slots information which are between <start-slot> and <end-slot> from current node.",
        "FORGET <node-id>",
        "    Remove a node from the cluster.",
        "GETKEYSINSLOT <slot> <count>",
        "    Return key names stored by current node in a slot.",
        "FLUSHSLOTS",
        "    Delete current node own slots information.",
        "INFO",
        "    Return information about the cluster.",
        "KEYSLOT <key>",
        "    Return the hash slot for <key>.",
        "MEET <ip> <port> [<bus-port>]",
        "    Connect nodes into a working cluster.",
        "MYID",
        "    Return the node id.",
        "NODES",
        "    Return cluster configuration seen by node. Output format:",
        "    <id> <ip:port> <flags> <master> <pings> <pongs> <epoch> <link> <slot> ...",
        "RESET [HARD|SOFT]",
        "    Reset current node (default: soft).",
        "SET-CONFIG-EPOCH <epoch>",
        "    Set config epoch of current node.",
        "REPLICAS <node-id>",
        "    Return <node-id> replicas.",
        "SLOTS",
        "    Return information about slots range mappings. Each range is made of:",
        "    start, end, master and replicas IP addresses, ports and ids",
        "SHARDS",
        "    Return information about slot range mappings and the nodes associated with them.");

    public ValueTask<Reply> Handle(ClusterCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!cluster.Enabled)
        {
            return new(Errors.ClusterDisabled);
        }

        var args = request.Arguments;
        return new(request.Subcommand switch
        {
            ClusterSubcommand.Help => HelpReply,
            ClusterSubcommand.KeySlot => Reply.Integer(HashSlot.Of(args[0])),
            ClusterSubcommand.MyId => Reply.Bulk(cluster.View.Myself.Id),
            ClusterSubcommand.Nodes => Reply.Verbatim(ClusterNodesText.Format(cluster.View)),
            ClusterSubcommand.Info => Info(),
            ClusterSubcommand.Slots => Slots(cluster.View),
            ClusterSubcommand.Shards => Shards(cluster.View),
            ClusterSubcommand.AddSlots or ClusterSubcommand.DelSlots => UpdateSlots(args, request.Subcommand == ClusterSubcommand.DelSlots, ranges: false),
            ClusterSubcommand.AddSlotsRange or ClusterSubcommand.DelSlotsRange => args.Length % 2 == 1
                ? Errors.WrongArity(request.Subcommand == ClusterSubcommand.AddSlotsRange ? "cluster|addslotsrange" : "cluster|delslotsrange")
                : UpdateSlots(args, request.Subcommand == ClusterSubcommand.DelSlotsRange, ranges: true),
            ClusterSubcommand.FlushSlots => FlushSlots(request.Keyspace),
            ClusterSubcommand.BumpEpoch => Reply.Simple(cluster.BumpEpoch()),
            ClusterSubcommand.CountKeysInSlot => CountKeysInSlot(request.Keyspace, args[0]),
            ClusterSubcommand.GetKeysInSlot => GetKeysInSlot(request.Keyspace, args[0], args[1]),
            ClusterSubcommand.Meet => Meet(args),
            ClusterSubcommand.SetConfigEpoch => SetConfigEpoch(args[0]),
            ClusterSubcommand.Forget => cluster.Forget(Encoding.UTF8.GetString(args[0])) is { } error ? Errors.ClusterError(error) : Reply.Ok,
            ClusterSubcommand.Replicas => cluster.View.Find(Encoding.UTF8.GetString(args[0])) is null ? Errors.UnknownNode(args[0]) : Reply.EmptyArray,
            ClusterSubcommand.CountFailureReports => cluster.View.Find(Encoding.UTF8.GetString(args[0])) is null ? Errors.UnknownNode(args[0]) : Reply.Zero,
            ClusterSubcommand.Reset => Reset(request.Keyspace, args),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Subcommand, "An unknown subcommand is refused by the router."),
        });
    }

    /// <summary>Redis's <c>getSlotOrReply</c>: an integer from 0 to 16383.</summary>
    private static bool TryParseSlot(ReadOnlySpan<byte> text, out int slot)
    {
        var ok = RedisInteger.TryParse(text, out var value) && value is >= 0 and < HashSlot.Count;
        slot = (int)value;
        return ok;
    }

    /// <summary>
    /// <c>ADDSLOTS</c>, <c>DELSLOTS</c> and their <c>RANGE</c> forms, in Redis's order: every argument parses, then no
    /// slot is busy (or, deleting, unassigned) nor named twice, then all change at once.
    /// </summary>
    private Reply UpdateSlots(byte[][] args, bool delete, bool ranges)
    {
        var bounds = new int[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (!TryParseSlot(args[i], out bounds[i]))
            {
                return Errors.InvalidSlot;
            }

            if (ranges && i % 2 == 1 && bounds[i - 1] > bounds[i])
            {
                return Errors.SlotRangeReversed(bounds[i - 1], bounds[i]);
            }
        }

        var view = cluster.View;
        var marked = new bool[HashSlot.Count];
        var step = ranges ? 2 : 1;
        for (var i = 0; i < bounds.Length; i += step)
        {
            for (var slot = bounds[i]; slot <= bounds[i + step - 1]; slot++)
            {
                var owner = view.OwnerOf(slot);
                if (delete && owner is null)
                {
                    return Errors.SlotUnassigned(slot);
                }

                if (!delete && owner is not null)
                {
                    return Errors.SlotBusy(slot);
                }

                if (marked[slot])
                {
                    return Errors.SlotRepeated(slot);
                }

                marked[slot] = true;
            }
        }

        cluster.UpdateSlots(marked, delete);
        return Reply.Ok;
    }

    private Reply FlushSlots(Keyspace keyspace)
    {
        if (keyspace.Count != 0)
        {
            return Errors.FlushSlotsWithKeys;
        }

        var mine = new bool[HashSlot.Count];
        foreach (var range in cluster.View.Myself.Slots)
        {
            Array.Fill(mine, true, range.Start, range.End - range.Start + 1);
        }

        cluster.UpdateSlots(mine, delete: true);
        return Reply.Ok;
    }

    private Reply CountKeysInSlot(Keyspace keyspace, ReadOnlySpan<byte> slotText)
    {
        if (!RedisInteger.TryParse(slotText, out var slot))
        {
            return Errors.NotAnInteger;
        }

        return slot is < 0 or >= HashSlot.Count ? Errors.InvalidSlotNumber : Reply.Integer(KeysInSlot(keyspace, (int)slot).Count());
    }

    private Reply GetKeysInSlot(Keyspace keyspace, ReadOnlySpan<byte> slotText, ReadOnlySpan<byte> countText)
    {
        if (!RedisInteger.TryParse(slotText, out var slot) || !RedisInteger.TryParse(countText, out var count))
        {
            return Errors.NotAnInteger;
        }

        if (slot is < 0 or >= HashSlot.Count || count < 0)
        {
            return Errors.InvalidSlotOrCount;
        }

        return Reply.Array([.. KeysInSlot(keyspace, (int)slot).Take((int)Math.Min(count, int.MaxValue)).Select(key => Reply.Bulk(key))]);
    }

    private IEnumerable<ReadOnlyMemory<byte>> KeysInSlot(Keyspace keyspace, int slot) =>
        keyspace.LiveKeys(time.GetUnixMilliseconds()).Where(key => HashSlot.Of(key.Span) == slot);

    /// <summary><c>CLUSTER MEET ip port [bus-port]</c>: the bus port defaults to port + 10000, as Redis's <c>CLUSTER_PORT_INCR</c>.</summary>
    private Reply Meet(byte[][] args)
    {
        if (args.Length > 3)
        {
            return Errors.SubcommandSyntax("meet"u8, "cluster"u8);
        }

        if (!RedisInteger.TryParse(args[1], out var port))
        {
            return Errors.InvalidBasePort(args[1]);
        }

        var busPort = port + 10000;
        if (args.Length == 3 && !RedisInteger.TryParse(args[2], out busPort))
        {
            return Errors.InvalidBusPort(args[2]);
        }

        return cluster.Meet(Encoding.UTF8.GetString(args[0]), port, busPort) ? Reply.Ok : Errors.InvalidNodeAddress(args[0], args[1]);
    }

    private Reply SetConfigEpoch(ReadOnlySpan<byte> text)
    {
        if (!RedisInteger.TryParse(text, out var epoch))
        {
            return Errors.NotAnInteger;
        }

        return epoch < 0 ? Errors.InvalidConfigEpoch(epoch)
            : cluster.SetConfigEpoch(epoch) is { } error ? Errors.ClusterError(error)
            : Reply.Ok;
    }

    private Reply Reset(Keyspace keyspace, byte[][] args)
    {
        if (args.Length > 1)
        {
            return Errors.SubcommandSyntax("reset"u8, "cluster"u8);
        }

        var hard = args.Length == 1 && Ascii.EqualsIgnoreCase(args[0], "hard"u8);
        if (args.Length == 1 && !hard && !Ascii.EqualsIgnoreCase(args[0], "soft"u8))
        {
            return Errors.Syntax;
        }

        if (keyspace.Count != 0)
        {
            return Errors.ClusterResetWithKeys;
        }

        cluster.Reset(hard);
        return Reply.Ok;
    }

    private Reply Info()
    {
        var view = cluster.View;
        var text = new StringBuilder();
        void Line(string name, object value) => text.Append(CultureInfo.InvariantCulture, $"{name}:{value}\r\n");
        Line("cluster_state", view.IsOk ? "ok" : "fail");
        Line("cluster_slots_assigned", view.SlotsAssigned);
        Line("cluster_slots_ok", view.SlotsAssigned - view.SlotsFail - view.SlotsPossiblyFailing);
        Line("cluster_slots_pfail", view.SlotsPossiblyFailing);
        Line("cluster_slots_fail", view.SlotsFail);
        Line("cluster_known_nodes", view.Nodes.Count);
        Line("cluster_size", view.Size);
        Line("cluster_current_epoch", view.CurrentEpoch);
        Line("cluster_my_epoch", view.Myself.ConfigEpoch);
        Messages(text, "sent", cluster.MessagesSent);
        Messages(text, "received", cluster.MessagesReceived);
        Line("total_cluster_links_buffer_limit_exceeded", 0);
        return Reply.Verbatim(text.ToString());
    }

    private static void Messages(StringBuilder text, string direction, IReadOnlyList<long> counts)
    {
        for (var type = 0; type < counts.Count; type++)
        {
            if (counts[type] != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"cluster_stats_messages_{MessageNames[type]}_{direction}:{counts[type]}\r\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"cluster_stats_messages_{direction}:{counts.Sum()}\r\n");
    }

    /// <summary>Redis's <c>clusterReplyMultiBulkSlots</c>: each run of slots one node serves, with that node's address and id.</summary>
    private static Reply Slots(ClusterView view)
    {
        var entries = new List<(SlotRange Range, ClusterNode Node)>();
        foreach (var node in view.Nodes)
        {
            entries.AddRange(node.Slots.Select(range => (range, node)));
        }

        return Reply.Array([.. entries.OrderBy(e => e.Range.Start).Select(e => Reply.Array(
        [
            Reply.Integer(e.Range.Start),
            Reply.Integer(e.Range.End),
            Reply.Array([Reply.Bulk(e.Node.Ip), Reply.Integer(e.Node.Port), Reply.Bulk(e.Node.Id), Reply.Map([])]),
        ]))]);
    }

    /// <summary>Redis's <c>clusterReplyShards</c>: one shard per master, its slots as start and end pairs, and its one node.</summary>
    private static Reply Shards(ClusterView view) => Reply.Array([.. view.Nodes.Select(node => Reply.Map(
    [
        Reply.Bulk("slots"),
        Reply.Array([.. node.Slots.SelectMany(range => new[] { Reply.Integer(range.Start), Reply.Integer(range.End) })]),
        Reply.Bulk("nodes"),
        Reply.Array(
        [
            Reply.Map(
            [
                Reply.Bulk("id"), Reply.Bulk(node.Id),
                Reply.Bulk("port"), Reply.Integer(node.Port),
                Reply.Bulk("ip"), Reply.Bulk(node.Ip),
                Reply.Bulk("endpoint"), Reply.Bulk(node.Ip),
                Reply.Bulk("role"), Reply.Bulk("master"),
                Reply.Bulk("replication-offset"), Reply.Zero,
                Reply.Bulk("health"), Reply.Bulk(node.Health == NodeHealth.Failing ? "fail" : "online"),
            ]),
        ]),
    ]))]);
}
