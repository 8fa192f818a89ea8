namespace Redis.Application.Cluster;

/// <summary>The bus's message types, named as Redis's <c>CLUSTERMSG_TYPE_*</c> (and counted under these names in <c>CLUSTER INFO</c>).</summary>
public enum ClusterMessageType
{
    Ping,
    Pong,
    Meet,
}
