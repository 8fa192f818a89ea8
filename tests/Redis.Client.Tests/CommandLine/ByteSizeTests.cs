using Redis.Client.CommandLine;

namespace Redis.Client.Tests.CommandLine;

public class ByteSizeTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData("100B", 100)]
    [InlineData("1k", 1024)]
    [InlineData("10KB", 10240)]
    [InlineData("5 KiB", 5120)]
    [InlineData("1mb", 1048576)]
    public void ParsesSizesWithBinaryUnits(string text, int bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("KB")]
    [InlineData("-1")]
    [InlineData("1.5KB")]
    [InlineData("10GB")]
    [InlineData("3000MB")]
    public void RefusesWhatIsNotASize(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Fact]
    public void ParsesACommaSeparatedList()
    {
        Assert.True(ByteSize.TryParseList("1KB, 5KB,10KB", out var sizes));
        Assert.Equal([1024, 5120, 10240], sizes);
        Assert.False(ByteSize.TryParseList("1KB,x", out _));
        Assert.False(ByteSize.TryParseList(",", out _));
    }
}
