namespace Redis.Domain.Keys;

/// <summary>What a typed lookup found: the key's value of the type asked for, no live key, or a value of another type.</summary>
/// <remarks>
/// The type check happens once, at lookup, as Redis's <c>lookupKeyReadOrReply</c> then <c>checkType</c> pair does;
/// <see cref="WrongType"/> is what a command answers with Redis's <c>WRONGTYPE</c> error.
/// </remarks>
public enum KeyLookup : byte
{
    Missing,
    Found,
    WrongType,
}
