namespace Redis.Domain.Keys;

/// <summary>A stored value and the absolute instant, in Unix milliseconds, at which it expires.</summary>
/// <remarks>
/// <para>
/// <see cref="Value"/> is memory over the stored bytes, not a copy. No write during the command that looked it up
/// goes over those bytes, and the record is reused only after the reply is encoded (see <see cref="Keyspace"/>).
/// </para>
/// <para>
/// Expiry is an absolute instant, as Redis keeps it (<c>expires</c> dict of <c>when</c> values), so
/// "is it expired" is a pure comparison with the current time and needs no timer.
/// </para>
/// </remarks>
public readonly record struct Entry(ReadOnlyMemory<byte> Value, long ExpiresAt)
{
    /// <summary>The <see cref="ExpiresAt"/> of a key that never expires.</summary>
    public const long NoExpiry = long.MaxValue;

    public bool HasExpiry => ExpiresAt != NoExpiry;

    /// <summary>True once <paramref name="now"/> has passed the expiry instant.</summary>
    /// <remarks>Mirrors Redis's <c>keyIsExpired</c>: <c>now &gt; when</c>, so a key is still live at its exact instant.</remarks>
    public bool IsExpiredAt(long now) => now > ExpiresAt;

    /// <summary>Milliseconds left to live at <paramref name="now"/>, never negative; only meaningful when <see cref="HasExpiry"/>.</summary>
    public long RemainingMilliseconds(long now) => Math.Max(0, ExpiresAt - now);
}
