namespace Redis.Domain.Keys;

/// <summary>What goes when used memory passes <c>maxmemory</c> (Redis's <c>maxmemory-policy</c>, <c>MAXMEMORY_*</c> in <c>server.h</c>).</summary>
public enum EvictionPolicy
{
    /// <summary>Nothing is evicted: commands that may grow memory are refused with <c>-OOM</c>.</summary>
    NoEviction,

    /// <summary>The least recently used of a sample of every key.</summary>
    AllKeysLru,

    /// <summary>The least recently used of a sample of the keys with a TTL.</summary>
    VolatileLru,

    /// <summary>The least frequently used of a sample of every key.</summary>
    AllKeysLfu,

    /// <summary>The least frequently used of a sample of the keys with a TTL.</summary>
    VolatileLfu,

    /// <summary>Any key, at random.</summary>
    AllKeysRandom,

    /// <summary>Any key with a TTL, at random.</summary>
    VolatileRandom,

    /// <summary>The key with the nearest expiry of a sample of the keys with a TTL.</summary>
    VolatileTtl,
}
