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

    /// <summary>The type a name stands for (ASCII, case-insensitive as Redis's <c>getObjectTypeByName</c>); false for an unknown name.</summary>
    public static bool TryParse(ReadOnlySpan<byte> name, out KeyType type)
    {
        foreach (var candidate in Enum.GetValues<KeyType>())
        {
            if (candidate != KeyType.None && System.Text.Ascii.EqualsIgnoreCase(name, Of(candidate)))
            {
                type = candidate;
                return true;
            }
        }

        type = KeyType.None;
        return false;
    }
}
