using System.Globalization;

namespace Redis.Protocol;

/// <summary>Redis's text for a double reply (<c>addReplyDouble</c> in 7.0): <c>%.17g</c>, and <c>inf</c>/<c>-inf</c>.</summary>
public static class RedisDouble
{
    /// <summary>
    /// The shortest form C's <c>%.17g</c> gives: 17 significant digits, trailing zeros dropped, an exponent (at least
    /// two digits, lower-case <c>e</c>) below 1e-4 and from 1e17. .NET's <c>G17</c> differs only in the exponent's letter.
    /// </summary>
    public static string Format(double value) => Format(value, 17);

    /// <summary>C's <c>%.<paramref name="significantDigits"/>g</c> (Lua 5.1 writes numbers with <c>%.14g</c>), <c>inf</c>/<c>-inf</c> and <c>nan</c> as above.</summary>
    public static string Format(double value, int significantDigits)
    {
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (double.IsNaN(value))
        {
            return "nan";
        }

        return value.ToString("G" + significantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('E', 'e');
    }
}
