using System.Text;
using Redis.Application.Common;
using Redis.Application.Replies;

namespace Redis.Application.Tests.Common;

/// <summary>The blocking commands' timeout: seconds as a long double, rounded up to milliseconds, as Redis 7.0 reads it.</summary>
public class BlockingTimeoutTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1000)]
    [InlineData("0.1", 100)]
    [InlineData("0.0001", 1)]
    [InlineData("1.5", 1500)]
    [InlineData("1e3", 1_000_000)]
    [InlineData("-0.0001", 0)]
    [InlineData("-0.001", 0)]
    [InlineData("9223372036854775", 9_223_372_036_854_775_000)]
    public void ParsesSecondsRoundedUpToMilliseconds(string text, long expected)
    {
        Assert.True(BlockingTimeout.TryParse(Encoding.ASCII.GetBytes(text), out var milliseconds, out _));
        Assert.Equal(expected, milliseconds);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.002")]
    [InlineData("inf")]
    [InlineData("1e20")]
    public void NegativeOrTooLargeIsNegative(string text)
    {
        Assert.False(BlockingTimeout.TryParse(Encoding.ASCII.GetBytes(text), out _, out var error));
        Assert.Equal(Errors.TimeoutNegative, error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("nan")]
    public void NotANumberIsNotAFloat(string text)
    {
        Assert.False(BlockingTimeout.TryParse(Encoding.ASCII.GetBytes(text), out _, out var error));
        Assert.Equal(Errors.TimeoutNotAFloat, error);
    }
}
