namespace Redis.Application.Cluster;

/// <summary>What one node tells another about a node on the bus: its name, address, epoch and slots.</summary>
public sealed record GossipEntry(string Id, string Ip, int Port, int BusPort, long ConfigEpoch, IReadOnlyList<SlotRange> Slots);
