using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Tests.Configuration;

/// <summary><c>client-output-buffer-limit</c> as redis-server 7.0 parses and reports it.</summary>
public sealed class ClientOutputBufferLimitsTests
{
    private const string RedisDefault = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

    [Fact]
    public void DefaultsAreRedisAndReportInItsForm()
    {
        Assert.True(ClientOutputBufferLimits.TryParse(ClientOutputBufferLimits.Default, out var limits, out _));

        Assert.Equal(RedisDefault, limits.ToString());
        Assert.Equal(OutputBufferLimit.None, limits[ClientClass.Normal]);
        Assert.Equal(new OutputBufferLimit(256L << 20, 64L << 20, 60), limits[ClientClass.Replica]);
    }

    [Fact]
    public void AClassNotNamedKeepsItsDefaultAndReplicaIsSlave()
    {
        Assert.True(ClientOutputBufferLimits.TryParse("normal 1MB 2Kb 0 replica 1g 2 3", out var limits, out _));

        // What redis-server 7.0 reports for the same value.
        Assert.Equal("normal 1048576 2048 0 slave 1000000000 2 3 pubsub 33554432 8388608 60", limits.ToString());
        Assert.Equal(1_048_576, limits[ClientClass.Normal].HardBytes);
    }

    [Fact]
    public void AnEmptyValueKeepsEveryDefault()
    {
        Assert.True(ClientOutputBufferLimits.TryParse(" ", out var limits, out _));
        Assert.Equal(RedisDefault, limits.ToString());
    }

    [Theory]
    [InlineData("normal 1 2", "Wrong number of arguments in buffer limit configuration.")]
    [InlineData("master 1 2 3", "Invalid client class specified in buffer limit configuration.")]
    [InlineData("monitor 1 2 3", "Invalid client class specified in buffer limit configuration.")]
    [InlineData("normal 1x 2 3", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    [InlineData("normal 1 -2 3", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    [InlineData("normal 1 2 -3", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    [InlineData("normal 1 2 3s", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    [InlineData("pubsub 1 2 3 normal 1 2 x", "Error in hard, soft or soft_seconds setting in buffer limit configuration.")]
    public void RefusesTheWholeValueWithRedisError(string text, string expected)
    {
        Assert.False(ClientOutputBufferLimits.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(0, 0, long.MaxValue)]
    [InlineData(100, 0, 100)]
    [InlineData(0, 50, 50)]
    [InlineData(100, 50, 50)]
    [InlineData(50, 100, 50)]
    public void ChecksStartAtTheLowerOfTheLimitsSet(long hard, long soft, long expected)
    {
        Assert.Equal(expected, new OutputBufferLimit(hard, soft, 10).CheckFrom);
    }
}
