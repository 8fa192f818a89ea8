namespace Redis.Domain.Keys;

/// <summary>The names Redis gives the types, in <c>TYPE</c>'s replies and <c>SCAN ... TYPE</c>'s filter.</summary>
public static class KeyTypeNames
{
    public static string Of(KeyType type) => type switch
    {
        KeyType.String => "string",
        KeyType.List => "list",
        KeyType.Set => "set",
        KeyType.ZSet => "zset",
        KeyType.Hash => "hash",
        _ => "none",
    };
}
