namespace Redis.Application.Sessions;

/// <summary>What a <c>CLIENT PAUSE</c> holds back, least restrictive first (Redis's <c>pause_type</c>).</summary>
public enum ClientPauseKind
{
    /// <summary>No pause.</summary>
    Off,

    /// <summary><c>WRITE</c>: commands flagged <c>write</c> or <c>may_replicate</c>.</summary>
    Write,

    /// <summary><c>ALL</c>: every command, <c>CLIENT UNPAUSE</c> included.</summary>
    All,
}
