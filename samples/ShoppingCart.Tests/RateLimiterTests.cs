using Redis.Hosting.Xunit;
using StackExchange.Redis;

namespace ShoppingCart.Tests;

/// <summary>The INCR+EXPIRE rate limiter: five calls a minute, the sixth refused, a new window a minute later.</summary>
/// <remarks>A class fixture: a server of its own, started for this class alone.</remarks>
public sealed class RateLimiterTests(RedisCleanFixture redis) : IClassFixture<RedisCleanFixture>, IAsyncLifetime
{
    private ConnectionMultiplexer _connection = null!;
    private RateLimiter _limiter = null!;

    public async Task InitializeAsync()
    {
        await redis.ResetAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConfigurationString);
        _limiter = new RateLimiter(_connection.GetDatabase(), limit: 5, window: TimeSpan.FromMinutes(1));
    }

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    [Fact]
    public async Task TheSixthCallOfAMinuteIsRefusedAndTheNextMinuteStartsAgain()
    {
        for (var call = 1; call <= 5; call++)
        {
            Assert.True(await _limiter.TryAcquireAsync("client-1"), $"call {call}");
        }

        Assert.False(await _limiter.TryAcquireAsync("client-1"));
        Assert.True(await _limiter.TryAcquireAsync("client-2"));

        redis.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await _limiter.TryAcquireAsync("client-1"));

        redis.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await _limiter.TryAcquireAsync("client-1"));
    }

    [Fact]
    public async Task ExpiredWindowsLeaveNoKeysBehind()
    {
        await _limiter.TryAcquireAsync("client-3");
        var server = _connection.GetServer(_connection.GetEndPoints()[0]);
        Assert.Equal(1, await server.DatabaseSizeAsync());

        // The server's expiry cycle catches up with the moved clock: the key is gone from DBSIZE, not only hidden.
        redis.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await server.DatabaseSizeAsync());
    }
}
