using System.Text;
using Redis.Application.Common;

namespace Redis.Application.Tests.Common;

/// <summary>INCRBYFLOAT's arithmetic; every expected text was produced by redis-server 7.0.15 on x86-64.</summary>
public class LongDoubleTests
{
    [Theory]
    [InlineData("10.50", "0.1", "10.6")]
    [InlineData("10.6", "-5", "5.6")]
    [InlineData("5.0e3", "2.0e2", "5200")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("3", "1e20", "100000000000000000000")]
    [InlineData("1", "-1", "0")]
    [InlineData("-0", "0", "0")]
    [InlineData("1.5", "0.000000000000000001", "1.5")]
    [InlineData("1.5", "0.00000000000000001", "1.50000000000000001")]
    [InlineData("123456789012345678901234567890", "0", "123456789012345678899921813504")]
    [InlineData("99999999999999999999", "1", "100000000000000000000")]
    [InlineData("28.5", "0x1p-2", "28.75")]
    [InlineData("10.50", "0.10000000000000001", "10.60000000000000001")]
    [InlineData("1", ".5", "1.5")]
    [InlineData("1", "5.", "6")]
    [InlineData("1", "+1", "2")]
    public void AddsAndPrintsAsRedisDoes(string value, string increment, string expected)
    {
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(value), out var a));
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(increment), out var b));

        Assert.Equal(expected, (a + b).ToString());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("0x")]
    [InlineData(".")]
    [InlineData("+")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("nan")]
    [InlineData("1e5000")]
    [InlineData("1e-5000")]
    [InlineData("")]
    public void RefusesWhatString2ldRefuses(string text)
    {
        Assert.False(LongDouble.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void InfinityParsesButNoSumWithItIsFinite()
    {
        Assert.True(LongDouble.TryParse("inf"u8, out var infinity));
        Assert.True(LongDouble.TryParse("1"u8, out var one));

        Assert.False((infinity + one).IsFinite);
    }

    [Fact]
    public void PrintsHugeValuesInFull()
    {
        Assert.True(LongDouble.TryParse("1e400"u8, out var value));

        var text = value.ToString();

        Assert.Equal(401, text.Length);
        Assert.StartsWith("10000000000000000000281880683947586514586", text, StringComparison.Ordinal);
    }
}
