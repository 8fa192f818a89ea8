using StackExchange.Redis;

namespace ShoppingCart;

/// <summary>One checkout per cart at a time, with StackExchange.Redis's lock: it expires after 30 seconds if its holder dies.</summary>
public sealed class CheckoutLock(IDatabase redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public Task<bool> TryTakeAsync(string cartId, string holder) => redis.LockTakeAsync(Key(cartId), holder, Lifetime);

    public Task<bool> ReleaseAsync(string cartId, string holder) => redis.LockReleaseAsync(Key(cartId), holder);

    private static RedisKey Key(string cartId) => "checkout-lock:" + cartId;
}
