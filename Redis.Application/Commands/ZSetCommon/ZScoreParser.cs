using System.Globalization;

namespace Redis.Application.Commands.ZSetCommon;

/// <summary>Scores as Redis reads them: C's <c>strtod</c>, with <c>string2d</c>'s checks or <c>zslParseRange</c>'s.</summary>
internal static class ZScoreParser
{
    /// <summary>
    /// Redis's <c>string2d</c> (<c>ZADD</c>'s scores, <c>ZINCRBY</c>, <c>WEIGHTS</c>): the whole text a number, no
    /// leading space, no NaN, no overflow and no underflow to zero; <c>inf</c>, <c>+inf</c>, <c>-inf</c> accepted.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || IsSpace(text[0]))
        {
            return false;
        }

        return TryParseWhole(text, out value, out var rangeError) && !rangeError && !double.IsNaN(value);
    }

    /// <summary>
    /// One bound of <c>zslParseRange</c>, after its <c>(</c>: <c>strtod</c> up to the first zero byte, which must
    /// consume everything; leading spaces, overflow and an empty text (0) are accepted, NaN is not.
    /// </summary>
    public static bool TryParseBound(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var nul = text.IndexOf((byte)0);
        if (nul >= 0)
        {
            text = text[..nul];
        }

        if (text.IsEmpty)
        {
            return true;
        }

        var start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }

        return start < text.Length && TryParseWhole(text[start..], out value, out _) && !double.IsNaN(value);
    }

    /// <summary>
    /// <c>SORT</c>'s weights (<c>sortCommandGeneric</c>): <c>strtod</c> up to the first zero byte, which must consume
    /// everything, with <c>errno == ERANGE</c> refused; leading spaces are skipped, an empty text is 0, NaN is refused.
    /// </summary>
    /// <remarks>
    /// glibc flags <c>ERANGE</c> on overflow, on underflow to zero and on an inexact subnormal result: a decimal text
    /// that lands in the subnormal range is refused (Redis refuses <c>1e-310</c>), a hexadecimal one only when it
    /// underflows to zero (Redis accepts <c>0x1p-1074</c>, which is exact).
    /// </remarks>
    public static bool TryParseSortWeight(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var nul = text.IndexOf((byte)0);
        if (nul >= 0)
        {
            text = text[..nul];
        }

        if (text.IsEmpty)
        {
            return true;
        }

        var start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length || !TryParseWhole(text[start..], out value, out var rangeError) || rangeError || double.IsNaN(value))
        {
            return false;
        }

        var body = text[start] is (byte)'+' or (byte)'-' ? text[(start + 1)..] : text[start..];
        var hex = body.Length > 2 && body[0] == (byte)'0' && (body[1] | 0x20) == (byte)'x';
        return hex || !double.IsSubnormal(value);
    }

    /// <summary><c>strtod</c> that must consume all of <paramref name="text"/>; <paramref name="rangeError"/> is its <c>ERANGE</c> (overflow, or underflow to zero).</summary>
    private static bool TryParseWhole(ReadOnlySpan<byte> text, out double value, out bool rangeError)
    {
        value = 0;
        rangeError = false;
        var body = text[0] is (byte)'+' or (byte)'-' ? text[1..] : text;
        var negative = text[0] == (byte)'-';
        if (System.Text.Ascii.EqualsIgnoreCase(body, "inf"u8) || System.Text.Ascii.EqualsIgnoreCase(body, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (System.Text.Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        if (body.Length > 2 && body[0] == (byte)'0' && (body[1] | 0x20) == (byte)'x')
        {
            return TryParseHex(body[2..], negative, out value, out rangeError);
        }

        // [digits][.digits][(e|E)[sign]digits], at least one mantissa digit.
        var i = 0;
        var mantissaDigits = 0;
        var nonZero = false;
        while (i < body.Length && IsDigit(body[i]))
        {
            nonZero |= body[i] != (byte)'0';
            i++;
            mantissaDigits++;
        }

        if (i < body.Length && body[i] == (byte)'.')
        {
            i++;
            while (i < body.Length && IsDigit(body[i]))
            {
                nonZero |= body[i] != (byte)'0';
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < body.Length && (body[i] | 0x20) == (byte)'e')
        {
            var e = i + 1;
            if (e < body.Length && body[e] is (byte)'+' or (byte)'-')
            {
                e++;
            }

            var exponentStart = e;
            while (e < body.Length && IsDigit(body[e]))
            {
                e++;
            }

            if (e == exponentStart)
            {
                return false;
            }

            i = e;
        }

        if (i != body.Length)
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        rangeError = double.IsInfinity(value) || (value == 0 && nonZero);
        return true;
    }

    /// <summary>C99's hexadecimal form after <c>0x</c>: hex digits, an optional point and fraction, an optional binary exponent <c>p</c>.</summary>
    private static bool TryParseHex(ReadOnlySpan<byte> body, bool negative, out double value, out bool rangeError)
    {
        value = 0;
        rangeError = false;
        ulong mantissa = 0;
        long exponent = 0;
        var digits = 0;
        var i = 0;
        var seenPoint = false;
        for (; i < body.Length; i++)
        {
            if (body[i] == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            var digit = HexValue(body[i]);
            if (digit < 0)
            {
                break;
            }

            digits++;
            if (mantissa >> 60 == 0)
            {
                mantissa = (mantissa << 4) | (uint)digit;
                exponent -= seenPoint ? 4 : 0;
            }
            else
            {
                exponent += seenPoint ? 0 : 4;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < body.Length && (body[i] | 0x20) == (byte)'p')
        {
            var e = i + 1;
            var exponentNegative = e < body.Length && body[e] == (byte)'-';
            if (e < body.Length && body[e] is (byte)'+' or (byte)'-')
            {
                e++;
            }

            long binary = 0;
            var start = e;
            while (e < body.Length && IsDigit(body[e]))
            {
                binary = Math.Min((binary * 10) + (body[e] - '0'), 100_000);
                e++;
            }

            if (e == start)
            {
                return false;
            }

            exponent += exponentNegative ? -binary : binary;
            i = e;
        }

        if (i != body.Length)
        {
            return false;
        }

        value = Math.ScaleB((double)mantissa, (int)Math.Clamp(exponent, -100_000, 100_000));
        rangeError = double.IsInfinity(value) || (value == 0 && mantissa != 0);
        value = negative ? -value : value;
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
