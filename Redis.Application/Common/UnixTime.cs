namespace Redis.Application.Common;

/// <summary>The clock as the keyspace reads it.</summary>
public static class UnixTime
{
    /// <summary>Milliseconds since the Unix epoch, the unit of every expiry instant (Redis's <c>mstime</c>).</summary>
    public static long GetUnixMilliseconds(this TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();
}
