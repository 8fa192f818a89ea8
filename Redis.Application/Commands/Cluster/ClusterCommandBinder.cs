using Redis.Application.Routing;

namespace Redis.Application.Commands.Cluster;

/// <summary>The <c>CLUSTER</c> container, with Redis 7.0's subcommand arities and flags.</summary>
/// <remarks>
/// Not served: <c>FAILOVER</c>, <c>REPLICATE</c>, <c>SETSLOT</c>, <c>LINKS</c>, <c>SAVECONFIG</c> (no replicas, no slot
/// migration; see docs/cluster.md).
/// </remarks>
internal sealed class ClusterCommandBinder : ICommandBinder
{
    private static readonly string[] Admin = ["no_async_loading", "admin", "stale"];
    private static readonly string[] Stale = ["stale"];

    private static readonly (CommandSpec Spec, ClusterSubcommand Subcommand)[] Table =
    [
        (Sub("addslots", -3, Admin, "slot [slot ...]", "Assign new hash slots to receiving node"), ClusterSubcommand.AddSlots),
        (Sub("addslotsrange", -4, Admin, "start-slot end-slot [start-slot end-slot ...]", "Assign new hash slots to receiving node"), ClusterSubcommand.AddSlotsRange),
        (Sub("bumpepoch", 2, Admin, string.Empty, "Advance the cluster config epoch"), ClusterSubcommand.BumpEpoch),
        (Sub("count-failure-reports", 3, ["admin", "stale"], "node-id", "Return the number of failure reports active for a given node"), ClusterSubcommand.CountFailureReports),
        (Sub("countkeysinslot", 3, Stale, "slot", "Return the number of local keys in the specified hash slot"), ClusterSubcommand.CountKeysInSlot),
        (Sub("delslots", -3, Admin, "slot [slot ...]", "Set hash slots as unbound in receiving node"), ClusterSubcommand.DelSlots),
        (Sub("delslotsrange", -4, Admin, "start-slot end-slot [start-slot end-slot ...]", "Set hash slots as unbound in receiving node"), ClusterSubcommand.DelSlotsRange),
        (Sub("flushslots", 2, Admin, string.Empty, "Delete a node's own slots information"), ClusterSubcommand.FlushSlots),
        (Sub("forget", 3, Admin, "node-id", "Remove a node from the nodes table"), ClusterSubcommand.Forget),
        (Sub("getkeysinslot", 4, Stale, "slot count", "Return local key names in the specified hash slot"), ClusterSubcommand.GetKeysInSlot),
        (Sub("help", 2, ["loading", "stale"], string.Empty, "Show helpful text about the different subcommands"), ClusterSubcommand.Help),
        (Sub("info", 2, Stale, string.Empty, "Provides info about Redis Cluster node state"), ClusterSubcommand.Info),
        (Sub("keyslot", 3, Stale, "key", "Returns the hash slot of the specified key"), ClusterSubcommand.KeySlot),
        (Sub("meet", -4, Admin, "ip port [cluster_bus_port]", "Force a node cluster to handshake with another node"), ClusterSubcommand.Meet),
        (Sub("myid", 2, Stale, string.Empty, "Return the node id"), ClusterSubcommand.MyId),
        (Sub("nodes", 2, Stale, string.Empty, "Get Cluster config for the node"), ClusterSubcommand.Nodes),
        (Sub("replicas", 3, ["admin", "stale"], "node-id", "List replica nodes of the specified master node"), ClusterSubcommand.Replicas),
        (Sub("reset", -2, ["admin", "stale", "noscript"], "[HARD|SOFT]", "Reset a Redis Cluster node"), ClusterSubcommand.Reset),
        (Sub("set-config-epoch", 3, Admin, "config-epoch", "Set the configuration epoch in a new node"), ClusterSubcommand.SetConfigEpoch),
        (Sub("shards", 2, Stale, string.Empty, "Get array of cluster slots to node mappings"), ClusterSubcommand.Shards),
        (Sub("slaves", 3, ["admin", "stale"], "node-id", "List replica nodes of the specified master node"), ClusterSubcommand.Replicas),
        (Sub("slots", 2, Stale, string.Empty, "Get array of Cluster slot to node mappings"), ClusterSubcommand.Slots),
    ];

    public CommandSpec Spec { get; } = new("cluster", -2, [])
    {
        Doc = new("subcommand [arg ...]", "A container for cluster commands", "cluster"),
        Subcommands = [.. Table.Select(entry => entry.Spec)],
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (Spec.BindSubcommand(ref args, out var error) is not { } subcommand)
        {
            return error;
        }

        var words = new byte[args.Remaining][];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = args.NextBytes();
        }

        var which = Array.Find(Table, entry => ReferenceEquals(entry.Spec, subcommand)).Subcommand;
        return new BindResult(new ClusterCommand(args.Keyspace, which, words));
    }

    private static CommandSpec Sub(string name, int arity, string[] flags, string arguments, string summary) =>
        new("cluster|" + name, arity, flags) { Doc = new(arguments, summary, "cluster") };
}
