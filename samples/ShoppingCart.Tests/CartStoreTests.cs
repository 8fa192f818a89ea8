using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Redis.Hosting.Xunit;

namespace ShoppingCart.Tests;

/// <summary>The cart's 20-minute sliding expiration, through ASP.NET Core's Redis distributed cache, without waiting 20 minutes.</summary>
[Collection(SharedRedis.Name)]
public sealed class CartStoreTests(RedisCleanFixture redis) : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private CartStore _carts = null!;

    public async Task InitializeAsync()
    {
        await redis.ResetAsync();

        // Wired as the application wires it.
        _services = new ServiceCollection()
            .AddStackExchangeRedisCache(options => options.Configuration = redis.ConfigurationString)
            .AddSingleton<CartStore>()
            .BuildServiceProvider();
        _carts = _services.GetRequiredService<CartStore>();
    }

    public Task DisposeAsync() => _services.DisposeAsync().AsTask();

    [Fact]
    public async Task ACartUsedWithinTwentyMinutesStaysAndOneLeftTwentyOneMinutesIsGone()
    {
        await _carts.SaveAsync("c1", ["book", "pen"]);

        redis.Advance(TimeSpan.FromMinutes(19));
        await _carts.TouchAsync("c1");
        redis.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(["book", "pen"], await _carts.FindAsync("c1"));

        redis.Advance(TimeSpan.FromMinutes(21));
        Assert.Null(await _carts.FindAsync("c1"));
    }

    [Fact]
    public async Task ACartExpiresTwentyMinutesAfterItsLastRead()
    {
        await _carts.SaveAsync("c2", ["lamp"]);

        redis.Advance(CartStore.IdleLifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _services.GetRequiredService<IDistributedCache>().GetAsync("cart:c2"));

        // That read refreshed it: twenty minutes from now, not from the save.
        redis.Advance(CartStore.IdleLifetime);
        Assert.NotNull(await _services.GetRequiredService<IDistributedCache>().GetAsync("cart:c2"));
        redis.Advance(CartStore.IdleLifetime + TimeSpan.FromMilliseconds(1));
        Assert.Null(await _carts.FindAsync("c2"));
    }
}
