namespace Redis.Application.Cluster;

/// <summary>One node as a <see cref="ClusterView"/> shows it: what <c>CLUSTER NODES</c> prints on its line.</summary>
/// <param name="Id">Redis's 40-character node name, hex digits.</param>
/// <param name="Ip">The address clients reach it at; empty while a node does not know its own address yet.</param>
/// <param name="Port">Its client port (what <c>-MOVED</c> names).</param>
/// <param name="BusPort">Its cluster bus port.</param>
/// <param name="ConfigEpoch">The epoch of its slot claims: a higher one wins a slot two nodes claim.</param>
/// <param name="IsMyself">This server's own node.</param>
/// <param name="Health">Whether its bus answers.</param>
/// <param name="PingSent">Unix milliseconds of the ping still waiting for an answer; 0 when none is.</param>
/// <param name="PongReceived">Unix milliseconds of its last answer; 0 when none came yet.</param>
/// <param name="Slots">Its slots as ascending, disjoint, inclusive ranges.</param>
public sealed record ClusterNode(
    string Id,
    string Ip,
    int Port,
    int BusPort,
    long ConfigEpoch,
    bool IsMyself,
    NodeHealth Health,
    long PingSent,
    long PongReceived,
    IReadOnlyList<SlotRange> Slots)
{
    /// <summary>The number of slots it serves.</summary>
    public int SlotCount { get; } = Slots.Sum(r => r.End - r.Start + 1);

    /// <summary>True once the node is failing (<c>fail?</c> or <c>fail</c>): its bus stopped answering.</summary>
    public bool IsFailing => Health != NodeHealth.Online;
}
