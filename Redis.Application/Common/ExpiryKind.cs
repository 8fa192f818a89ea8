namespace Redis.Application.Common;

/// <summary>Which expiry option a <c>SET</c> or <c>GETEX</c> was given.</summary>
public enum ExpiryKind : byte
{
    /// <summary>No option: <c>SET</c> clears any TTL, <c>GETEX</c> leaves it.</summary>
    None,

    /// <summary><c>EX seconds</c>: relative, in seconds.</summary>
    Seconds,

    /// <summary><c>PX milliseconds</c>: relative, in milliseconds.</summary>
    Milliseconds,

    /// <summary><c>EXAT unix-time-seconds</c>: absolute, in seconds.</summary>
    UnixSeconds,

    /// <summary><c>PXAT unix-time-milliseconds</c>: absolute, in milliseconds.</summary>
    UnixMilliseconds,

    /// <summary><c>KEEPTTL</c> (<c>SET</c> only): keep the key's current TTL.</summary>
    KeepTtl,

    /// <summary><c>PERSIST</c> (<c>GETEX</c> only): remove the key's TTL.</summary>
    Persist,
}
