namespace Redis.Domain.Hashes;

/// <summary>
/// When a hash leaves its compact encoding: Redis's <c>hash-max-listpack-entries</c> and <c>hash-max-listpack-value</c>.
/// </summary>
/// <param name="MaxListpackEntries">A hash with more fields is a hashtable.</param>
/// <param name="MaxListpackValue">A hash holding a longer field or value is a hashtable.</param>
public readonly record struct HashLimits(long MaxListpackEntries, long MaxListpackValue)
{
    /// <summary>Redis 7.0.15's compiled defaults (512 entries, 64 bytes).</summary>
    public static HashLimits Default { get; } = new(512, 64);
}
