using StackExchange.Redis;

namespace ShoppingCart;

/// <summary>A fixed-window rate limiter on INCR and EXPIRE: at most <paramref name="limit"/> calls per window and client.</summary>
public sealed class RateLimiter(IDatabase redis, int limit, TimeSpan window)
{
    /// <summary>Counts the call; false when the client is over its limit for the current window.</summary>
    public async Task<bool> TryAcquireAsync(string clientId)
    {
        var key = (RedisKey)("rate:" + clientId);
        var count = await redis.StringIncrementAsync(key).ConfigureAwait(false);
        if (count == 1)
        {
            // The first call of a window starts it.
            await redis.KeyExpireAsync(key, window).ConfigureAwait(false);
        }

        return count <= limit;
    }
}
