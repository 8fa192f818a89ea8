using System.Diagnostics;
using Redis.Application.Routing;

namespace Redis.Application.Common;

/// <summary>The expiry option of <c>SET</c> or <c>GETEX</c> as given: its kind and, for a time, the number.</summary>
/// <remarks>
/// Mirrors Redis's <c>parseExtendedStringArgumentsOrReply</c> and <c>getExpireMillisecondsOrReply</c>, which both
/// commands share: binders read the option with <see cref="TryReadTime"/>, <see cref="IsInRange"/> is the range rule
/// (checked by <c>SET</c>'s validator, and by <c>GETEX</c>'s handler once the key is found), and handlers turn an
/// option in range into an instant with <see cref="TryGetExpiresAt"/>.
/// </remarks>
public readonly record struct ExpiryOption(ExpiryKind Kind, long Value)
{
    /// <summary>True for <c>EX</c>, <c>PX</c>, <c>EXAT</c> and <c>PXAT</c>: the options that carry a time.</summary>
    public bool HasTime => Kind is ExpiryKind.Seconds or ExpiryKind.Milliseconds or ExpiryKind.UnixSeconds or ExpiryKind.UnixMilliseconds;

    /// <summary>Positive, and, in seconds, small enough to count in milliseconds (Redis checks both before anything else).</summary>
    public bool IsInRange => !HasTime ||
        (Value > 0 && (Kind is not (ExpiryKind.Seconds or ExpiryKind.UnixSeconds) || Value <= long.MaxValue / 1000));

    /// <summary>The absolute instant, in Unix milliseconds, that this option, which must carry a time in range, sets at <paramref name="now"/>.</summary>
    /// <returns>False when adding <paramref name="now"/> overflows; Redis answers "invalid expire time" then.</returns>
    public bool TryGetExpiresAt(long now, out long expiresAt)
    {
        Debug.Assert(HasTime && IsInRange, "The range rule runs before the conversion.");
        expiresAt = 0;
        var milliseconds = Kind is ExpiryKind.Seconds or ExpiryKind.UnixSeconds ? Value * 1000 : Value;
        if (Kind is ExpiryKind.Seconds or ExpiryKind.Milliseconds)
        {
            if (milliseconds > long.MaxValue - now)
            {
                return false;
            }

            milliseconds += now;
        }

        expiresAt = milliseconds;
        return true;
    }

    /// <summary>
    /// Consumes <c>EX</c>, <c>PX</c>, <c>EXAT</c> or <c>PXAT</c> and the argument after it, when that option may follow
    /// <paramref name="kind"/>: one time option per command, though the same one may repeat (the last value wins).
    /// </summary>
    /// <param name="kind">The option seen so far; updated when one is consumed.</param>
    /// <param name="time">The raw number after the option, parsed once the options are all read (Redis's order).</param>
    /// <returns>False, having consumed nothing, when the next argument is not a time option.</returns>
    /// <remarks>A time option that may not follow, or that has no argument after it, is left for the caller's syntax error.</remarks>
    public static bool TryReadTime(ref ArgCursor args, ref ExpiryKind kind, ref ReadOnlyMemory<byte> time)
    {
        var option = args.PeekIs("EX"u8) ? ExpiryKind.Seconds
            : args.PeekIs("PX"u8) ? ExpiryKind.Milliseconds
            : args.PeekIs("EXAT"u8) ? ExpiryKind.UnixSeconds
            : args.PeekIs("PXAT"u8) ? ExpiryKind.UnixMilliseconds
            : ExpiryKind.None;
        if (option == ExpiryKind.None || (kind != ExpiryKind.None && kind != option) || args.Remaining < 2)
        {
            return false;
        }

        args.Skip();
        time = args.NextMemory();
        kind = option;
        return true;
    }
}
