namespace Redis.Application.Commands.ZRange;

/// <summary>How a <c>ZRANGE</c>-family command selects members (Redis's <c>zrange_type</c>).</summary>
public enum ZRangeKind
{
    /// <summary>By 0-based index, negative counting from the end.</summary>
    Rank,

    /// <summary><c>BYSCORE</c>.</summary>
    Score,

    /// <summary><c>BYLEX</c>.</summary>
    Lex,
}
