using System.Globalization;
using System.Numerics;

namespace Redis.Application.Common;

/// <summary>
/// C's <c>long double</c> as Redis uses it on x86-64 Linux (the x87 80-bit format: a 64-bit significand and a 15-bit
/// exponent), emulated exactly, so that <c>INCRBYFLOAT</c> answers the very digits redis-server answers.
/// </summary>
/// <remarks>
/// <para>
/// A <see cref="double"/> would not do: Redis adds in 64-bit precision and prints 17 decimals (<c>%.17Lf</c>), so
/// <c>SET k 10.50</c>, <c>INCRBYFLOAT k 0.1</c> gives <c>10.6</c> in Redis but <c>10.59999999999999964</c> with doubles.
/// Every step here works on exact integers (<see cref="BigInteger"/>) and rounds once, to nearest with ties to even,
/// as the hardware and glibc's <c>strtold</c> and <c>printf</c> do.
/// </para>
/// <para>A value is <c>Significand * 2^Exponent</c>; normal numbers have the significand's top bit set.</para>
/// </remarks>
public readonly struct LongDouble : IEquatable<LongDouble>
{
    /// <summary>Redis's <c>MAX_LONG_DOUBLE_CHARS</c>: longer input is not a number to <c>string2ld</c>.</summary>
    public const int MaxChars = 5 * 1024;

    // The exponent of the smallest subnormal's unit, and of the largest finite number's unit: 2^-16382 and 2^16383
    // are the format's extremes for a significand read as 1.xxx with 63 fraction bits.
    private const int MinExponent = -16382 - 63;
    private const int MaxExponent = 16383 - 63;

    private static readonly BigInteger TwoTo63 = BigInteger.One << 63;
    private static readonly BigInteger TwoTo64 = BigInteger.One << 64;
    private static readonly BigInteger TenTo17 = BigInteger.Pow(10, 17);

    private LongDouble(bool negative, ulong significand, int exponent, bool infinite = false, bool nan = false)
    {
        IsNegative = negative;
        Significand = significand;
        Exponent = exponent;
        IsInfinity = infinite;
        IsNaN = nan;
    }

    private enum Rounding
    {
        Finite,
        Overflow,
        Underflow,
    }

    public bool IsNegative { get; }

    public ulong Significand { get; }

    public int Exponent { get; }

    public bool IsInfinity { get; }

    public bool IsNaN { get; }

    public bool IsFinite => !IsInfinity && !IsNaN;

    public bool IsZero => IsFinite && Significand == 0;

    /// <summary>Parses as Redis's <c>string2ld</c> does with glibc's <c>strtold</c>.</summary>
    /// <remarks>
    /// Accepts decimal (<c>1.5</c>, <c>.5</c>, <c>5.</c>, <c>-1e3</c>, <c>+2</c>), hexadecimal (<c>0x1p-2</c>) and <c>inf</c>;
    /// refuses empty or overlong text, a leading space, trailing characters, NaN, and a number that overflows or
    /// rounds to zero. Like <c>strtold</c> on Redis's NUL-terminated copy, it stops at a zero byte.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> text, out LongDouble value)
    {
        value = default;
        if (text.IsEmpty || text.Length >= MaxChars)
        {
            return false;
        }

        var nul = text.IndexOf((byte)0);
        if (nul >= 0)
        {
            text = text[..nul];
        }

        // strtold of an empty string converts nothing and stops at the terminator, which string2ld accepts as 0.
        if (text.IsEmpty)
        {
            return true;
        }

        if (text[0] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r')
        {
            return false;
        }

        var negative = text[0] == (byte)'-';
        if (text[0] is (byte)'-' or (byte)'+')
        {
            text = text[1..];
        }

        if (System.Text.Ascii.EqualsIgnoreCase(text, "inf"u8) || System.Text.Ascii.EqualsIgnoreCase(text, "infinity"u8))
        {
            value = new LongDouble(negative, 0, 0, infinite: true);
            return true;
        }

        if (text.Length > 2 && text[0] == (byte)'0' && (text[1] | 0x20) == (byte)'x')
        {
            return TryParseHex(negative, text[2..], out value);
        }

        return TryParseDecimal(negative, text, out value);
    }

    /// <summary>The exactly rounded sum, as the x87 adds two <c>long double</c>s.</summary>
    public static LongDouble Add(LongDouble a, LongDouble b)
    {
        if (a.IsNaN || b.IsNaN || (a.IsInfinity && b.IsInfinity && a.IsNegative != b.IsNegative))
        {
            return new LongDouble(false, 0, 0, nan: true);
        }

        if (a.IsInfinity || b.IsInfinity)
        {
            return a.IsInfinity ? a : b;
        }

        if (a.IsZero)
        {
            return b.IsZero ? new LongDouble(a.IsNegative && b.IsNegative, 0, 0) : b;
        }

        if (b.IsZero)
        {
            return a;
        }

        var exponent = Math.Min(a.Exponent, b.Exponent);
        var sum = (Signed(a) << (a.Exponent - exponent)) + (Signed(b) << (b.Exponent - exponent));
        if (sum.IsZero)
        {
            return default;
        }

        return Round(sum.Sign < 0, BigInteger.Abs(sum), BigInteger.One, exponent, out var result) == Rounding.Overflow
            ? new LongDouble(sum.Sign < 0, 0, 0, infinite: true)
            : result;
    }

    public static LongDouble operator +(LongDouble left, LongDouble right) => Add(left, right);

    /// <summary>
    /// Formats as Redis's <c>ld2string</c> in human-friendly mode: <c>printf("%.17Lf")</c>, trailing zeros and a bare
    /// point removed, and "-0" written as "0".
    /// </summary>
    public override string ToString()
    {
        if (IsNaN)
        {
            return "nan";
        }

        if (IsInfinity)
        {
            return IsNegative ? "-inf" : "inf";
        }

        BigInteger whole;
        var fraction = string.Empty;
        if (Exponent >= 0)
        {
            whole = new BigInteger(Significand) << Exponent;
        }
        else
        {
            // Round value * 10^17 to an integer, ties to even, as glibc's printf does with the exact binary value.
            var shift = -Exponent;
            var scaled = new BigInteger(Significand) * TenTo17;
            var quotient = scaled >> shift;
            var remainder = scaled - (quotient << shift);
            var twice = remainder << 1;
            var divisor = BigInteger.One << shift;
            var compare = twice.CompareTo(divisor);
            if (compare > 0 || (compare == 0 && !quotient.IsEven))
            {
                quotient += BigInteger.One;
            }

            whole = BigInteger.DivRem(quotient, TenTo17, out var decimals);
            fraction = decimals.ToString(CultureInfo.InvariantCulture).PadLeft(17, '0').TrimEnd('0');
        }

        var text = (IsNegative ? "-" : string.Empty) + whole.ToString(CultureInfo.InvariantCulture) +
            (fraction.Length > 0 ? "." + fraction : string.Empty);
        return text == "-0" ? "0" : text;
    }

    public bool Equals(LongDouble other) =>
        IsNegative == other.IsNegative && Significand == other.Significand && Exponent == other.Exponent &&
        IsInfinity == other.IsInfinity && IsNaN == other.IsNaN;

    public override bool Equals(object? obj) => obj is LongDouble other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(IsNegative, Significand, Exponent, IsInfinity, IsNaN);

    public static bool operator ==(LongDouble left, LongDouble right) => left.Equals(right);

    public static bool operator !=(LongDouble left, LongDouble right) => !left.Equals(right);

    private static BigInteger Signed(LongDouble value) =>
        value.IsNegative ? -new BigInteger(value.Significand) : new BigInteger(value.Significand);

    private static bool TryParseDecimal(bool negative, ReadOnlySpan<byte> text, out LongDouble value)
    {
        value = default;
        var digits = new System.Text.StringBuilder(text.Length);
        var position = 0;
        long exponent10 = 0;
        var anyDigit = false;
        while (position < text.Length && IsDigit(text[position]))
        {
            digits.Append((char)text[position++]);
            anyDigit = true;
        }

        if (position < text.Length && text[position] == (byte)'.')
        {
            position++;
            while (position < text.Length && IsDigit(text[position]))
            {
                digits.Append((char)text[position++]);
                exponent10--;
                anyDigit = true;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        if (position < text.Length && (text[position] | 0x20) == (byte)'e')
        {
            if (!TryReadExponent(text[(position + 1)..], out var exponent))
            {
                return false;
            }

            exponent10 += exponent;
            position = text.Length;
        }

        if (position != text.Length)
        {
            return false;
        }

        var mantissa = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
        {
            value = new LongDouble(negative, 0, 0);
            return true;
        }

        // Far outside the format's range (about 3.6e-4951 to 1.2e4932) the answer is known without the arithmetic.
        var magnitude = mantissa.ToString(CultureInfo.InvariantCulture).Length + exponent10;
        if (magnitude > 4940 || magnitude < -4960)
        {
            return false;
        }

        var rounding = exponent10 >= 0
            ? Round(negative, mantissa * BigInteger.Pow(10, (int)exponent10), BigInteger.One, 0, out value)
            : Round(negative, mantissa, BigInteger.Pow(10, (int)-exponent10), 0, out value);
        return rounding == Rounding.Finite;
    }

    private static bool TryParseHex(bool negative, ReadOnlySpan<byte> text, out LongDouble value)
    {
        value = default;
        var mantissa = BigInteger.Zero;
        var position = 0;
        long exponent2 = 0;
        var anyDigit = false;
        var seenPoint = false;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (c == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            var digit = HexValue(c);
            if (digit < 0)
            {
                break;
            }

            mantissa = (mantissa << 4) + digit;
            anyDigit = true;
            if (seenPoint)
            {
                exponent2 -= 4;
            }
        }

        if (!anyDigit)
        {
            // strtold reads "0x" without digits as "0" followed by junk, which string2ld refuses.
            return false;
        }

        if (position < text.Length && (text[position] | 0x20) == (byte)'p')
        {
            if (!TryReadExponent(text[(position + 1)..], out var exponent))
            {
                return false;
            }

            exponent2 += exponent;
            position = text.Length;
        }

        if (position != text.Length)
        {
            return false;
        }

        if (mantissa.IsZero)
        {
            value = new LongDouble(negative, 0, 0);
            return true;
        }

        return Round(negative, mantissa, BigInteger.One, exponent2, out value) == Rounding.Finite;
    }

    /// <summary>Reads a signed decimal exponent that must run to the end; saturates far beyond any meaningful value.</summary>
    private static bool TryReadExponent(ReadOnlySpan<byte> text, out long exponent)
    {
        exponent = 0;
        var negative = false;
        if (!text.IsEmpty && text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == (byte)'-';
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }

            exponent = Math.Min((exponent * 10) + (c - '0'), 1_000_000);
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }

    /// <summary>Rounds <c>numerator / denominator * 2^exponent2</c> (positive) to the nearest value of the format, ties to even.</summary>
    private static Rounding Round(bool negative, BigInteger numerator, BigInteger denominator, long exponent2, out LongDouble value)
    {
        value = default;

        // The value lies in [2^(bits-1), 2^(bits+1)); aim the significand at [2^63, 2^64) and correct by one step.
        var bits = (long)numerator.GetBitLength() - (long)denominator.GetBitLength() + exponent2;
        var exponent = bits - 64;
        if (exponent > MaxExponent + 1)
        {
            return Rounding.Overflow;
        }

        BigInteger quotient, remainder, divisor;
        while (true)
        {
            exponent = Math.Max(exponent, MinExponent);
            var shift = exponent2 - exponent;
            var scaledNumerator = shift >= 0 ? numerator << (int)shift : numerator;
            divisor = shift >= 0 ? denominator : denominator << (int)-shift;
            quotient = BigInteger.DivRem(scaledNumerator, divisor, out remainder);
            if (quotient >= TwoTo64)
            {
                exponent++;
                continue;
            }

            if (quotient < TwoTo63 && exponent > MinExponent)
            {
                exponent--;
                continue;
            }

            break;
        }

        var compare = (remainder << 1).CompareTo(divisor);
        if (compare > 0 || (compare == 0 && !quotient.IsEven))
        {
            quotient += BigInteger.One;
            if (quotient == TwoTo64)
            {
                quotient = TwoTo63;
                exponent++;
            }
        }

        if (exponent > MaxExponent)
        {
            return Rounding.Overflow;
        }

        if (quotient.IsZero)
        {
            return Rounding.Underflow;
        }

        value = new LongDouble(negative, (ulong)quotient, (int)exponent);
        return Rounding.Finite;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
