using Redis.Application.Cluster;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Cluster;

/// <summary>Cluster states for tests: a node with cluster-enabled, and messages from made-up peers.</summary>
internal static class ClusterTestNodes
{
    public static ClusterState Enabled(params KeyValuePair<string, string>[] more) =>
        new(new TestSettings([new("cluster-enabled", "yes"), new("port", "7000"), .. more]), TimeProvider.System);

    public static string Id(char digit) => new(digit, 40);

    public static ClusterMessage From(char digit, int port, long epoch, params SlotRange[] slots) =>
        new(ClusterMessageType.Ping, epoch, new GossipEntry(Id(digit), "127.0.0.1", port, port + 10000, epoch, slots), []);
}
