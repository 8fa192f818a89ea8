namespace Redis.Domain.Keys;

/// <summary>The names of <see cref="EvictionPolicy"/> as <c>maxmemory-policy</c> spells them, and what each samples.</summary>
public static class EvictionPolicies
{
    // config.c's maxmemory_policy_enum, in its order (the error lists them so).
    private static readonly (string Name, EvictionPolicy Policy)[] Names =
    [
        ("volatile-lru", EvictionPolicy.VolatileLru),
        ("volatile-lfu", EvictionPolicy.VolatileLfu),
        ("volatile-random", EvictionPolicy.VolatileRandom),
        ("volatile-ttl", EvictionPolicy.VolatileTtl),
        ("allkeys-lru", EvictionPolicy.AllKeysLru),
        ("allkeys-lfu", EvictionPolicy.AllKeysLfu),
        ("allkeys-random", EvictionPolicy.AllKeysRandom),
        ("noeviction", EvictionPolicy.NoEviction),
    ];

    /// <summary>Redis's error for another name (<c>enumConfigSet</c>).</summary>
    public static string InvalidText { get; } = "argument(s) must be one of the following: " + string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The policy named <paramref name="name"/>, any case, as Redis's <c>configEnumGetValue</c> compares.</summary>
    public static bool TryParse(string name, out EvictionPolicy policy)
    {
        foreach (var (known, value) in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                policy = value;
                return true;
            }
        }

        policy = EvictionPolicy.NoEviction;
        return false;
    }

    /// <summary>The name <c>CONFIG GET</c> and <c>INFO</c> show.</summary>
    public static string Name(EvictionPolicy policy) => Array.Find(Names, n => n.Policy == policy).Name;

    /// <summary>True for the policies that pick among every key (<c>MAXMEMORY_FLAG_ALLKEYS</c>); the others pick among keys with a TTL.</summary>
    public static bool SamplesAllKeys(this EvictionPolicy policy) =>
        policy is EvictionPolicy.AllKeysLru or EvictionPolicy.AllKeysLfu or EvictionPolicy.AllKeysRandom;

    /// <summary>True for the LFU policies (<c>MAXMEMORY_FLAG_LFU</c>): the access clock of a key counts its uses.</summary>
    public static bool IsLfu(this EvictionPolicy policy) => policy is EvictionPolicy.AllKeysLfu or EvictionPolicy.VolatileLfu;

    /// <summary>True for the LRU policies (<c>MAXMEMORY_FLAG_LRU</c>).</summary>
    public static bool IsLru(this EvictionPolicy policy) => policy is EvictionPolicy.AllKeysLru or EvictionPolicy.VolatileLru;
}
