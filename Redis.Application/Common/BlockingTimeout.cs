using System.Numerics;
using Redis.Application.Replies;
using Redis.Protocol;

namespace Redis.Application.Common;

/// <summary>The timeout argument of the blocking commands, read as Redis 7.0's <c>getTimeoutFromObjectOrReply</c> reads it.</summary>
public static class BlockingTimeout
{
    /// <summary>
    /// Seconds as a <c>long double</c> (<c>0.1</c>, <c>1e3</c>), times 1000 rounded up (<c>ceill</c>) to whole
    /// milliseconds; 0 waits for ever. A value whose milliseconds do not fit a <c>long long</c> (<c>inf</c>, <c>1e20</c>)
    /// converts as the C cast does on x86-64, to the most negative one, so Redis answers "timeout is negative" for it,
    /// and so does this; a tiny negative one rounds up to 0.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long milliseconds, out Reply error)
    {
        milliseconds = 0;
        if (!LongDouble.TryParse(text, out var seconds))
        {
            error = Errors.TimeoutNotAFloat;
            return false;
        }

        milliseconds = CeilingMilliseconds(seconds);
        if (milliseconds < 0)
        {
            error = Errors.TimeoutNegative;
            return false;
        }

        error = default;
        return true;
    }

    private static long CeilingMilliseconds(LongDouble seconds)
    {
        if (!seconds.IsFinite)
        {
            return long.MinValue;
        }

        // Significand * 2^Exponent seconds, times 1000 rounded to the 64-bit significand of a long double (to
        // nearest, ties to even), as C's ftval * 1000.0 rounds, then rounded toward +infinity: 0.1 is 100, not 101.
        var product = new BigInteger(seconds.Significand) * 1000;
        var exponent = seconds.Exponent;
        var excess = (int)product.GetBitLength() - 64;
        if (excess > 0)
        {
            var kept = product >> excess;
            var dropped = product - (kept << excess);
            var half = BigInteger.One << (excess - 1);
            if (dropped > half || (dropped == half && !kept.IsEven))
            {
                kept += 1;
            }

            (product, exponent) = (kept, exponent + excess);
        }

        BigInteger whole;
        if (exponent >= 0)
        {
            whole = product << exponent;
        }
        else
        {
            whole = BigInteger.DivRem(product, BigInteger.One << -exponent, out var remainder);
            if (!seconds.IsNegative && !remainder.IsZero)
            {
                whole += 1;
            }
        }

        if (seconds.IsNegative)
        {
            whole = -whole;
        }

        return whole >= long.MinValue && whole <= long.MaxValue ? (long)whole : long.MinValue;
    }
}
