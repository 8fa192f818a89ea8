using System.Text;
using Redis.Domain.Cluster;

namespace Redis.Domain.Tests.Cluster;

/// <summary>The key-to-slot rule, checked against values redis-server 7.0's <c>CLUSTER KEYSLOT</c> gives.</summary>
public class HashSlotTests
{
    [Theory]
    [InlineData("foo", 12182)]
    [InlineData("bar", 5061)]
    [InlineData("", 0)]
    [InlineData("key:000000000000", 13053)]
    [InlineData("{user1000}.following", 3443)]
    [InlineData("{user1000}.followers", 3443)]
    [InlineData("user1000", 3443)]
    public void ReturnsRedisSlotGivenKey(string key, int slot) =>
        Assert.Equal(slot, HashSlot.Of(Encoding.ASCII.GetBytes(key)));

    [Theory]
    [InlineData("foo{}{bar}", "foo{}{bar}")]
    [InlineData("foo{{bar}}zap", "{bar")]
    [InlineData("foo{bar}{zap}", "bar")]
    [InlineData("{foo", "{foo")]
    [InlineData("}foo{", "}foo{")]
    public void HashesOnlyTheFirstNonEmptyTag(string key, string hashed) =>
        Assert.Equal(HashSlot.Crc16(Encoding.ASCII.GetBytes(hashed)) & HashSlot.Last, HashSlot.Of(Encoding.ASCII.GetBytes(key)));

    [Fact]
    public void ComputesXmodemCheckValue() =>
        Assert.Equal(0x31C3, HashSlot.Crc16("123456789"u8));
}
