using System.Globalization;
using System.Text;
using FsCheck.Xunit;

namespace Redis.Protocol.Tests;

public class RedisIntegerTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("-1", -1)]
    [InlineData("10", 10)]
    [InlineData("1234567890", 1234567890)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void ParsesCanonicalDecimal(string text, long expected)
    {
        Assert.True(RedisInteger.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("-0")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("00")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1a")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616")]
    [InlineData("99999999999999999999")]
    [InlineData("123456789012345678901")]
    public void RejectsAnythingElse(string text)
    {
        Assert.False(RedisInteger.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(0, value);
    }

    [Property]
    public void RoundTripsEveryInt64(long number)
    {
        Assert.True(RedisInteger.TryParse(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)), out var value));
        Assert.Equal(number, value);
    }

    /// <summary>string2ll's rules amount to "only the canonical spelling of a number parses".</summary>
    [Property(MaxTest = 1000)]
    public void AcceptsOnlyTheCanonicalSpellingOfItsResult(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? "");

        if (RedisInteger.TryParse(bytes, out var value))
        {
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), text);
        }
    }
}
