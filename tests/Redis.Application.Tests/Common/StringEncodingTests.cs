using System.Text;
using Redis.Application.Common;

namespace Redis.Application.Tests.Common;

public sealed class StringEncodingTests
{
    [Theory]
    [InlineData("0", StringEncoding.Kind.Int)]
    [InlineData("100", StringEncoding.Kind.Int)]
    [InlineData("-5", StringEncoding.Kind.Int)]
    [InlineData("9223372036854775807", StringEncoding.Kind.Int)]
    [InlineData("9223372036854775808", StringEncoding.Kind.EmbStr)]
    [InlineData("0123", StringEncoding.Kind.EmbStr)]
    [InlineData("+1", StringEncoding.Kind.EmbStr)]
    [InlineData("", StringEncoding.Kind.EmbStr)]
    [InlineData("12345678901234567890123456789012345678901234", StringEncoding.Kind.EmbStr)]
    [InlineData("a23456789012345678901234567890123456789012345", StringEncoding.Kind.Raw)]
    public void DecidesAsTryObjectEncoding(string value, StringEncoding.Kind expected) =>
        Assert.Equal(expected, StringEncoding.Of(Encoding.ASCII.GetBytes(value), out _));
}
