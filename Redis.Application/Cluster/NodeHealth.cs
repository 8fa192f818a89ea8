namespace Redis.Application.Cluster;

/// <summary>A node's state as the flags of <c>CLUSTER NODES</c> show it.</summary>
public enum NodeHealth
{
    /// <summary>It answered within <c>cluster-node-timeout</c>.</summary>
    Online,

    /// <summary>Redis's <c>fail?</c> (PFAIL): no answer for <c>cluster-node-timeout</c>.</summary>
    PossiblyFailing,

    /// <summary>Redis's <c>fail</c>: no answer for twice <c>cluster-node-timeout</c>; its slots are down.</summary>
    Failing,
}
