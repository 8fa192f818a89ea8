namespace Redis.Domain.Keys;

/// <summary>What one active-expiry sweep did.</summary>
/// <param name="Reclaimed">Expired keys removed.</param>
/// <param name="MoreExpiredLikely">True when the sweep stopped at its round limit while samples were still mostly stale: another sweep would find more.</param>
public readonly record struct SweepResult(int Reclaimed, bool MoreExpiredLikely);
