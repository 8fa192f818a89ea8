namespace Redis.Domain.SortedSets;

/// <summary>The options of <c>ZADD</c> that change what <see cref="SortedSetValue.Add"/> does (Redis's <c>ZADD_IN_*</c>).</summary>
[Flags]
public enum ZAddOptions
{
    None = 0,

    /// <summary>Add the score to the current one (<c>INCR</c>, <c>ZINCRBY</c>).</summary>
    Incr = 1 << 0,

    /// <summary>Only add new members.</summary>
    Nx = 1 << 1,

    /// <summary>Only update existing members.</summary>
    Xx = 1 << 2,

    /// <summary>Only update when the new score is greater.</summary>
    Gt = 1 << 3,

    /// <summary>Only update when the new score is less.</summary>
    Lt = 1 << 4,
}
