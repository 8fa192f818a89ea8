using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Tests.Routing;

public class ArgCursorTests
{
    [Fact]
    public void StartsAfterTheCommandName()
    {
        var cursor = new ArgCursor(CommandArgs.From("SET", "k"));

        Assert.Equal(1, cursor.Remaining);
        Assert.Equal("k"u8.ToArray(), cursor.NextBytes());
        Assert.False(cursor.HasMore);
    }

    [Fact]
    public void ConsumesMatchingWordIgnoringAsciiCase()
    {
        var cursor = new ArgCursor(CommandArgs.From("SET", "ex", "10"));

        Assert.True(cursor.NextIs("EX"u8));
        Assert.Equal(1, cursor.Remaining);
    }

    [Theory]
    [InlineData("PX")]
    [InlineData("EXX")]
    [InlineData("E")]
    public void ConsumesNothingGivenDifferentWord(string word)
    {
        var cursor = new ArgCursor(CommandArgs.From("SET", word));

        Assert.False(cursor.NextIs("EX"u8));
        Assert.Equal(1, cursor.Remaining);
    }

    [Fact]
    public void ReportsNoMatchAtTheEndInsteadOfThrowing()
    {
        var cursor = new ArgCursor(CommandArgs.From("SET"));

        Assert.False(cursor.HasMore);
        Assert.False(cursor.NextIs("EX"u8));
    }

    [Fact]
    public void ReturnsEveryRemainingArgumentGivenRest()
    {
        var cursor = new ArgCursor(CommandArgs.From("DEL", "a", "b"));

        var rest = cursor.RestMemory();

        Assert.Equal(["a", "b"], rest.Select(m => System.Text.Encoding.UTF8.GetString(m.Span)));
        Assert.False(cursor.HasMore);
    }

    [Theory]
    [InlineData("42", true, 42)]
    [InlineData("-7", true, -7)]
    [InlineData("x", false, 0)]
    public void ParsesNextArgumentAsInteger(string text, bool parsed, long expected)
    {
        var cursor = new ArgCursor(CommandArgs.From("EXPIRE", text));

        Assert.Equal(parsed, cursor.TryNextInt64(out var value));
        Assert.Equal(expected, value);
        Assert.False(cursor.HasMore);
    }
}
