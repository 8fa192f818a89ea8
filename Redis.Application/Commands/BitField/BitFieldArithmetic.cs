namespace Redis.Application.Commands.BitField;

/// <summary>
/// Redis's <c>checkUnsignedBitfieldOverflow</c> and <c>checkSignedBitfieldOverflow</c>: whether a value plus an
/// increment fits a field of a width, and the value <c>WRAP</c> or <c>SAT</c> stores when it does not.
/// </summary>
internal static class BitFieldArithmetic
{
    /// <summary>0 when <paramref name="value"/> + <paramref name="increment"/> fits; otherwise 1 (overflow) or -1 (underflow), with <paramref name="limit"/> what to store.</summary>
    public static int CheckUnsigned(ulong value, long increment, int bits, BitFieldOverflow overflow, out ulong limit)
    {
        unchecked
        {
            limit = 0;
            var max = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            var maxIncrement = (long)(max - value);
            var minIncrement = -(long)value;
            int result;
            if (value > max || (increment > 0 && increment > maxIncrement))
            {
                result = 1;
                limit = max;
            }
            else if (increment < 0 && increment < minIncrement)
            {
                result = -1;
                limit = 0;
            }
            else
            {
                return 0;
            }

            if (overflow == BitFieldOverflow.Wrap)
            {
                var mask = bits == 64 ? 0UL : ulong.MaxValue << bits;
                limit = (value + (ulong)increment) & ~mask;
                return 1;
            }

            return result;
        }
    }

    /// <summary>The signed counterpart of <see cref="CheckUnsigned"/>; wrapping keeps two's complement within the width.</summary>
    public static int CheckSigned(long value, long increment, int bits, BitFieldOverflow overflow, out long limit)
    {
        unchecked
        {
            limit = 0;
            var max = bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1;
            var min = -max - 1;
            var maxIncrement = (long)((ulong)max - (ulong)value);
            var minIncrement = min - value;
            int result;
            if (value > max || (bits != 64 && increment > maxIncrement) || (value >= 0 && increment > 0 && increment > maxIncrement))
            {
                result = 1;
                limit = max;
            }
            else if (value < min || (bits != 64 && increment < minIncrement) || (value < 0 && increment < 0 && increment < minIncrement))
            {
                result = -1;
                limit = min;
            }
            else
            {
                return 0;
            }

            if (overflow == BitFieldOverflow.Wrap)
            {
                var sum = (ulong)value + (ulong)increment;
                if (bits < 64)
                {
                    var mask = ulong.MaxValue << bits;
                    sum = (sum & (1UL << (bits - 1))) != 0 ? sum | mask : sum & ~mask;
                }

                limit = (long)sum;
                return 1;
            }

            return result;
        }
    }
}
