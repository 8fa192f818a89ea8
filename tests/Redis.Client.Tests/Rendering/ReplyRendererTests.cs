using Redis.Client.Rendering;
using Redis.Protocol;

namespace Redis.Client.Tests.Rendering;

/// <summary>Golden strings: each one is what redis-cli 7.0.15 printed for the same reply from redis-server.</summary>
public class ReplyRendererTests
{
    public static TheoryData<string, Reply, string> TtyCases() => new()
    {
        { "status", Reply.Ok, "OK\n" },
        { "error", Reply.Error("ERR unknown command 'foo', with args beginning with: 'a' 'b' "), "(error) ERR unknown command 'foo', with args beginning with: 'a' 'b' \n" },
        { "integer", Reply.Integer(-2), "(integer) -2\n" },
        { "bulk", Reply.Bulk("hello world"), "\"hello world\"\n" },
        { "empty bulk", Reply.Bulk(""), "\"\"\n" },
        { "binary bulk", Reply.Bulk([(byte)'a', 0x01, 0xff, (byte)'"', (byte)'\\', (byte)'\n', (byte)'\r', (byte)'\t', 7, 8, 0]), "\"a\\x01\\xff\\\"\\\\\\n\\r\\t\\a\\b\\x00\"\n" },
        { "utf-8 bulk", Reply.Bulk("é"), "\"\\xc3\\xa9\"\n" },
        { "nil", Reply.Nil, "(nil)\n" },
        { "empty array", Reply.EmptyArray, "(empty array)\n" },
        { "array", Reply.Array([Reply.Bulk("port"), Reply.Bulk("6402")]), "1) \"port\"\n2) \"6402\"\n" },
        { "mixed array", Reply.Array([Reply.Bulk("a"), Reply.Nil, Reply.Integer(3), Reply.EmptyArray]), "1) \"a\"\n2) (nil)\n3) (integer) 3\n4) (empty array)\n" },
        {
            "wide array",
            Reply.Array([.. "abcdefghijk".Select(c => Reply.Bulk(c.ToString()))]),
            " 1) \"a\"\n 2) \"b\"\n 3) \"c\"\n 4) \"d\"\n 5) \"e\"\n 6) \"f\"\n 7) \"g\"\n 8) \"h\"\n 9) \"i\"\n10) \"j\"\n11) \"k\"\n"
        },
        {
            "nested arrays",
            Reply.Array([Reply.Array([Reply.Bulk("a"), Reply.Bulk("b")]), Reply.Array([Reply.Bulk("c")])]),
            "1) 1) \"a\"\n   2) \"b\"\n2) 1) \"c\"\n"
        },
        {
            // redis-cli -p 6402 command docs get
            "command docs get",
            Reply.Array(
            [
                Reply.Bulk("get"),
                Reply.Array(
                [
                    Reply.Bulk("summary"), Reply.Bulk("Get the value of a key"), Reply.Bulk("since"), Reply.Bulk("1.0.0"),
                    Reply.Bulk("group"), Reply.Bulk("string"), Reply.Bulk("complexity"), Reply.Bulk("O(1)"), Reply.Bulk("arguments"),
                    Reply.Array([Reply.Array([Reply.Bulk("name"), Reply.Bulk("key"), Reply.Bulk("type"), Reply.Bulk("key"), Reply.Bulk("key_spec_index"), Reply.Integer(0)])]),
                ]),
            ]),
            """
            1) "get"
            2)  1) "summary"
                2) "Get the value of a key"
                3) "since"
                4) "1.0.0"
                5) "group"
                6) "string"
                7) "complexity"
                8) "O(1)"
                9) "arguments"
               10) 1) 1) "name"
                      2) "key"
                      3) "type"
                      4) "key"
                      5) "key_spec_index"
                      6) (integer) 0

            """
        },
    };

    public static TheoryData<string, Reply, byte[]> RawCases() => new()
    {
        { "status", Reply.Ok, "OK\n"u8.ToArray() },

        // The error's own newline, then the command delimiter: a blank line follows.
        { "error", Reply.Error("ERR syntax error"), "ERR syntax error\n\n"u8.ToArray() },
        { "integer", Reply.Integer(-2), "-2\n"u8.ToArray() },
        { "binary bulk", Reply.Bulk([(byte)'a', 0, 0xff, (byte)'\n']), [(byte)'a', 0, 0xff, (byte)'\n', (byte)'\n'] },
        { "nil", Reply.Nil, "\n"u8.ToArray() },
        { "empty array", Reply.EmptyArray, "\n"u8.ToArray() },
        { "array with an empty element", Reply.Array([Reply.Bulk("a"), Reply.Bulk(""), Reply.Bulk("c")]), "a\n\nc\n"u8.ToArray() },
        { "nested arrays", Reply.Array([Reply.Array([Reply.Bulk("a"), Reply.Integer(1)]), Reply.Nil, Reply.Bulk("c")]), "a\n1\n\nc\n"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(TtyCases))]
    public void RendersLikeRedisCliOnATerminal(string kind, Reply reply, string expected)
    {
        Assert.NotEmpty(kind);
        Assert.Equal(expected, ReplyRenderer.RenderText(reply, ReplyFormat.Tty));
    }

    [Theory]
    [MemberData(nameof(RawCases))]
    public void RendersLikeRedisCliInAPipe(string kind, Reply reply, byte[] expected)
    {
        Assert.NotEmpty(kind);
        Assert.Equal(expected, ReplyRenderer.Render(reply, ReplyFormat.Raw));
    }

    [Fact]
    public void KeepsTheBytesOfAStatusOrErrorOnATerminal()
    {
        Assert.Equal("(error) ERR clé\n"u8.ToArray(), ReplyRenderer.Render(Reply.Error("ERR clé"), ReplyFormat.Tty));
    }

    [Theory]
    [InlineData(nameof(ReplyFormat.Tty))]
    [InlineData(nameof(ReplyFormat.Raw))]
    public void PrintsAVerbatimCommandsReplyAsItIsWithNoDelimiterInEitherFormat(string format)
    {
        var info = Reply.Bulk("# Server\r\nredis_version:7.0.15\r\n");
        var error = Reply.Error("ERR syntax error");

        // redis-cli 7.0.15 on a terminal and in a pipe: the bytes of the reply; an error without "(error) " and one newline.
        Assert.Equal("# Server\r\nredis_version:7.0.15\r\n", Text(CommandArgs.From("info", "server"), info, format));
        Assert.Equal("ERR syntax error\n", Text(CommandArgs.From("CLIENT", "LIST", "bogus"), error, format));
        Assert.Equal("(error) ERR syntax error\n", Text(CommandArgs.From("CLIENT", "KILL"), error, nameof(ReplyFormat.Tty)));
    }

    private static string Text(CommandArgs command, Reply reply, string format) =>
        System.Text.Encoding.UTF8.GetString(ReplyRenderer.Render(command, reply, Enum.Parse<ReplyFormat>(format)));
}
