namespace Redis.Application.Memory;

/// <summary>What <see cref="MemoryLimit.PerformEvictions"/> achieved (Redis's <c>EVICT_OK</c>, <c>EVICT_RUNNING</c>, <c>EVICT_FAIL</c>).</summary>
public enum EvictionResult
{
    /// <summary>Used memory is within the limit, or there is none.</summary>
    Ok,

    /// <summary>Still over, but the time this command may spend is up; the cron goes on evicting.</summary>
    Running,

    /// <summary>Over the limit with nothing left to evict, or the policy is <c>noeviction</c>.</summary>
    Fail,
}
