using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Tests.Configuration;

/// <summary>Sizes with Redis's memory units, checked against redis-server 7.0's <c>memtoull</c>.</summary>
public sealed class MemorySizeTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("123", 123L)]
    [InlineData("123b", 123L)]
    [InlineData("1k", 1000L)]
    [InlineData("1kb", 1024L)]
    [InlineData("2KB", 2048L)]
    [InlineData("1m", 1_000_000L)]
    [InlineData("1Mb", 1_048_576L)]
    [InlineData("1g", 1_000_000_000L)]
    [InlineData("1GB", 1_073_741_824L)]
    [InlineData("256mb", 268_435_456L)]
    public void ParsesDigitsAndAUnitCaseInsensitively(string text, long expected)
    {
        Assert.True(MemorySize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mb")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5mb")]
    [InlineData("1 mb")]
    [InlineData("1t")]
    [InlineData("1kib")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999gb")]
    public void RefusesWhatMemtoullRefusesAndWhatWouldOverflow(string text)
    {
        Assert.False(MemorySize.TryParse(text, out _));
    }
}
