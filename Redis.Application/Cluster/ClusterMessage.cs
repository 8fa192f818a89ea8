namespace Redis.Application.Cluster;

/// <summary>
/// One message of the cluster bus (ADR 0036): the sender's own entry, which is authoritative for its slots, and what
/// it knows of the other nodes, which only introduces them.
/// </summary>
public sealed record ClusterMessage(ClusterMessageType Type, long CurrentEpoch, GossipEntry Sender, IReadOnlyList<GossipEntry> Others);
