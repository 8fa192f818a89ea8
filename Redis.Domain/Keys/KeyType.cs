namespace Redis.Domain.Keys;

/// <summary>The type of a key's value, as <c>TYPE</c> names it.</summary>
public enum KeyType : byte
{
    /// <summary>No such key (<c>none</c>).</summary>
    None,
    String,
    List,
    Set,
    ZSet,
    Hash,
}
