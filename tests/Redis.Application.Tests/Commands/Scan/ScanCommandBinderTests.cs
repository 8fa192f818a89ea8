using Redis.Application.Commands.Scan;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Scan;

public class ScanCommandBinderTests
{
    private readonly ScanCommandBinder _binder = new();

    [Theory]
    [InlineData("SCAN 0 MATCH a* COUNT 5 TYPE string", 0UL, 5L)]
    [InlineData("SCAN 17", 17UL, 10L)]
    [InlineData("SCAN +5", 5UL, 10L)]
    [InlineData("SCAN -1", ulong.MaxValue, 10L)]
    [InlineData("SCAN 0 count 3 COUNT 4", 0UL, 4L)]
    public void BindsCursorAndOptions(string request, ulong cursor, long count)
    {
        var command = _binder.Bind(request).AssertCommand<ScanCommand>();

        Assert.Equal(cursor, command.Cursor);
        Assert.Equal(count, command.Count);
    }

    [Fact]
    public void TreatsMatchStarAsNoPattern()
    {
        Assert.Null(_binder.Bind("SCAN 0 MATCH *").AssertCommand<ScanCommand>().Pattern);
        Assert.NotNull(_binder.Bind("SCAN 0 MATCH a*").AssertCommand<ScanCommand>().Pattern);
    }

    [Theory]
    [InlineData("SCAN x", "ERR invalid cursor")]
    [InlineData("SCAN 1x", "ERR invalid cursor")]
    [InlineData("SCAN 18446744073709551616", "ERR invalid cursor")]
    [InlineData("SCAN 0 COUNT 0", "ERR syntax error")]
    [InlineData("SCAN 0 COUNT x", "ERR value is not an integer or out of range")]
    [InlineData("SCAN 0 MATCH", "ERR syntax error")]
    [InlineData("SCAN 0 FOO bar", "ERR syntax error")]
    public void ReturnsRedisErrors(string request, string expected)
    {
        Assert.Equal(expected, _binder.Bind(request).AssertError());
    }
}
