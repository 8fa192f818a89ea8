namespace Redis.Domain.SortedSets;

/// <summary>What <see cref="SortedSetValue.Add"/> did (Redis's <c>ZADD_OUT_*</c>).</summary>
public enum ZAddOutcome
{
    /// <summary>Nothing changed because of the options (<c>ZADD_OUT_NOP</c>).</summary>
    Nop,

    /// <summary>The member was new.</summary>
    Added,

    /// <summary>The member's score changed.</summary>
    Updated,

    /// <summary>The options allowed the update, and the score was already that (processed, but not counted by <c>CH</c>).</summary>
    Unchanged,

    /// <summary>The resulting score would be NaN: nothing changed.</summary>
    NotANumber,
}
