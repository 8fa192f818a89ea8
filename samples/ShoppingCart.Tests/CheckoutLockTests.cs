using Redis.Hosting.Xunit;
using StackExchange.Redis;

namespace ShoppingCart.Tests;

/// <summary>StackExchange.Redis's LockTake with a 30-second expiry: held, released, and freed when its holder vanished.</summary>
[Collection(SharedRedis.Name)]
public sealed class CheckoutLockTests(RedisCleanFixture redis) : IAsyncLifetime
{
    private ConnectionMultiplexer _connection = null!;
    private CheckoutLock _lock = null!;

    public async Task InitializeAsync()
    {
        await redis.ResetAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConfigurationString);
        _lock = new CheckoutLock(_connection.GetDatabase());
    }

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    [Fact]
    public async Task ASecondCheckoutWaitsUntilTheFirstReleases()
    {
        Assert.True(await _lock.TryTakeAsync("cart-1", "worker-a"));
        Assert.False(await _lock.TryTakeAsync("cart-1", "worker-b"));
        Assert.False(await _lock.ReleaseAsync("cart-1", "worker-b"));

        Assert.True(await _lock.ReleaseAsync("cart-1", "worker-a"));
        Assert.True(await _lock.TryTakeAsync("cart-1", "worker-b"));
    }

    [Fact]
    public async Task ALockWhoseHolderVanishedIsFreeAfterThirtySeconds()
    {
        Assert.True(await _lock.TryTakeAsync("cart-2", "worker-a"));

        // A key lives until its time has passed: at 30 s to the millisecond it is still held, as in Redis.
        redis.Advance(CheckoutLock.Lifetime);
        Assert.False(await _lock.TryTakeAsync("cart-2", "worker-b"));

        redis.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await _lock.TryTakeAsync("cart-2", "worker-b"));
        Assert.Equal(CheckoutLock.Lifetime, await _connection.GetDatabase().KeyTimeToLiveAsync("checkout-lock:cart-2"));
    }
}
