namespace Redis.Protocol.Tests;

/// <summary>C's <c>%.17g</c> (Redis's double replies) and <c>%.14g</c> (Lua 5.1's numbers), as glibc prints them.</summary>
public sealed class RedisDoubleTests
{
    [Theory]
    [InlineData(5.0, "5")]
    [InlineData(0.1, "0.10000000000000001")]
    [InlineData(1e17, "1e+17")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(-2.5e-7, "-2.4999999999999999e-07")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void SeventeenDigitsAsAddReplyDouble(double value, string expected) =>
        Assert.Equal(expected, RedisDouble.Format(value));

    [Theory]
    [InlineData(5.0, "5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.33333333333333")]
    [InlineData(1152921504606846976.0, "1.1529215046068e+18")]
    [InlineData(1e14, "1e+14")]
    [InlineData(99999999999999.0, "99999999999999")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    public void FourteenDigitsAsLua51(double value, string expected) =>
        Assert.Equal(expected, RedisDouble.Format(value, 14));
}
