using Redis.Application.Replies;

namespace Redis.Application.Tests.Replies;

public class ErrorsTests
{
    [Theory]
    [InlineData("abc", 128, "abc")]
    [InlineData("a\r\nb", 128, "a  b")]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("", 128, "")]
    public void ReplacesLineBreaksAndTruncates(string text, int maxBytes, string expected)
    {
        Assert.Equal(expected, Errors.Sanitize(System.Text.Encoding.UTF8.GetBytes(text), maxBytes));
    }

    [Fact]
    public void QuotesSubcommandAndUppercasesCommandGivenUnknownSubcommand()
    {
        var reply = Errors.UnknownSubcommand("Foo\n"u8, "config");

        Assert.Equal("-ERR unknown subcommand 'Foo '. Try CONFIG HELP.", reply.ToString());
    }
}
