using Redis.Application.Cluster;

namespace Redis.Application.Tests.Cluster;

public class ClusterNodesTextTests
{
    [Fact]
    public void WritesRedisLineForALoneNode()
    {
        var node = new ClusterNode(ClusterTestNodes.Id('a'), string.Empty, 17501, 27501, 5, true, NodeHealth.Online, 0, 0, [new(0, 100), new(200, 200)]);

        Assert.Equal(new string('a', 40) + " :17501@27501 myself,master - 0 0 5 connected 0-100 200", ClusterNodesText.Line(node));
    }

    [Fact]
    public void WritesAFailingPeerAsDisconnected()
    {
        var node = new ClusterNode(ClusterTestNodes.Id('b'), "127.0.0.1", 7001, 17001, 2, false, NodeHealth.PossiblyFailing, 10, 5, []);

        Assert.Equal(new string('b', 40) + " 127.0.0.1:7001@17001 master,fail? - 10 5 2 disconnected", ClusterNodesText.Line(node));
    }

    [Theory]
    [InlineData("0123456789012345678901234567890123456789 127.0.0.1:7000@17000,host myself,master - 0 0 3 connected 0-5 9", true)]
    [InlineData("0123456789012345678901234567890123456789 :7000@17000 master - 0 0 3 connected", false)]
    public void ReadsANodeLine(string line, bool myself)
    {
        Assert.True(ClusterNodesText.TryParseLine(line, out var entry, out var isMyself));
        Assert.Equal(myself, isMyself);
        Assert.Equal((7000, 17000, 3L), (entry.Port, entry.BusPort, entry.ConfigEpoch));
    }

    [Theory]
    [InlineData("vars currentEpoch 6 lastVoteEpoch 0", true, 6)]
    [InlineData("vars lastVoteEpoch 0", false, 0)]
    public void ReadsTheVarsLine(string line, bool ok, long epoch)
    {
        Assert.Equal(ok, ClusterNodesText.TryParseVars(line, out var currentEpoch));
        Assert.Equal(epoch, currentEpoch);
    }
}
