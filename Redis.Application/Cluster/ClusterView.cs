using Redis.Domain.Cluster;

namespace Redis.Application.Cluster;

/// <summary>
/// An immutable picture of the cluster as this node sees it: the nodes, who serves each slot, the epochs and whether
/// the cluster is up. <see cref="ClusterState"/> publishes a new one on every change; readers never lock.
/// </summary>
public sealed class ClusterView
{
    private readonly ClusterNode?[] _owners;

    public ClusterView(IReadOnlyList<ClusterNode> nodes, ClusterNode?[] owners, long currentEpoch, bool requireFullCoverage)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(owners);
        Nodes = nodes;
        Myself = nodes.First(n => n.IsMyself);
        _owners = owners;
        CurrentEpoch = currentEpoch;
        foreach (var owner in owners)
        {
            if (owner is null)
            {
                continue;
            }

            SlotsAssigned++;
            SlotsFail += owner.Health == NodeHealth.Failing ? 1 : 0;
            SlotsPossiblyFailing += owner.Health == NodeHealth.PossiblyFailing ? 1 : 0;
        }

        Size = nodes.Count(n => n.SlotCount > 0);

        // clusterUpdateState: down while a slot has no node (with cluster-require-full-coverage) or its node failed.
        IsOk = SlotsFail == 0 && (!requireFullCoverage || SlotsAssigned == HashSlot.Count);
    }

    /// <summary>This server's node.</summary>
    public ClusterNode Myself { get; }

    /// <summary>Every known node, this one first.</summary>
    public IReadOnlyList<ClusterNode> Nodes { get; }

    /// <summary>Redis's <c>currentEpoch</c>: the highest epoch seen.</summary>
    public long CurrentEpoch { get; }

    /// <summary>Redis's <c>cluster_state:ok</c>.</summary>
    public bool IsOk { get; }

    /// <summary>Slots some node serves.</summary>
    public int SlotsAssigned { get; }

    /// <summary>Slots of nodes flagged <c>fail</c>.</summary>
    public int SlotsFail { get; }

    /// <summary>Slots of nodes flagged <c>fail?</c>.</summary>
    public int SlotsPossiblyFailing { get; }

    /// <summary>Redis's <c>cluster_size</c>: the masters serving at least one slot.</summary>
    public int Size { get; }

    /// <summary>The node serving <paramref name="slot"/>, or null when none does.</summary>
    public ClusterNode? OwnerOf(int slot) => _owners[slot];

    /// <summary>The node named <paramref name="id"/>, or null.</summary>
    public ClusterNode? Find(ReadOnlySpan<char> id)
    {
        foreach (var node in Nodes)
        {
            if (id.SequenceEqual(node.Id))
            {
                return node;
            }
        }

        return null;
    }
}
