using Redis.Application.Cluster;
using Redis.Infrastructure.Cluster;

namespace Redis.Infrastructure.Tests.Cluster;

public class ClusterBusCodecTests
{
    [Fact]
    public void DecodesWhatItEncodes()
    {
        var message = new ClusterMessage(
            ClusterMessageType.Meet,
            3,
            new GossipEntry(new string('a', 40), string.Empty, 7000, 17000, 1, [new SlotRange(0, 5460), new SlotRange(9, 9)]),
            [new GossipEntry(new string('b', 40), "127.0.0.1", 7001, 17001, 2, [])]);

        var decoded = ClusterBusCodec.Decode(ClusterBusCodec.Encode(message));

        Assert.NotNull(decoded);
        Assert.Equal((message.Type, message.CurrentEpoch), (decoded.Type, decoded.CurrentEpoch));
        Assert.Equal(message.Sender.Slots, decoded.Sender.Slots);
        Assert.Equal(string.Empty, decoded.Sender.Ip);
        Assert.Equal("127.0.0.1", Assert.Single(decoded.Others).Ip);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PING\r\n")]
    [InlineData("RCBUS 1 ping 0\nend\n")]
    [InlineData("RCBUS 1 ping 0\nnode a - 1 2 3 0-99999\nend\n")]
    [InlineData("RCBUS 2 ping 0\nnode a - 1 2 3 -\nend\n")]
    public void RefusesAnythingElse(string text) => Assert.Null(ClusterBusCodec.Decode(text));
}
