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
        { "resp3 null", Reply.Nil, "(nil)\n" },
        { "double", Reply.Double(3.141), "(double) 3.141\n" },
        { "true", Reply.Boolean(true), "(true)\n" },
        { "false", Reply.Boolean(false), "(false)\n" },
        { "big number", Reply.BigNumber("1234567999999999999999999999999999999"), "(big number) 1234567999999999999999999999999999999\n" },
        { "verbatim", Reply.Verbatim("This is a verbatim\nstring"), "This is a verbatim\nstring\n" },
        { "empty map", Reply.Map([]), "(empty hash)\n" },
        { "empty set", Reply.Set([]), "(empty set)\n" },
        { "empty push", Reply.Push([]), "(empty push)\n" },
        {
            // redis-cli -3: DEBUG PROTOCOL map, DEBUG PROTOCOL set, DEBUG PROTOCOL push
            "map", Reply.Map([Reply.Integer(0), Reply.Boolean(false), Reply.Integer(1), Reply.Boolean(true), Reply.Integer(2), Reply.Boolean(false)]),
            "1# (integer) 0 => (false)\n2# (integer) 1 => (true)\n3# (integer) 2 => (false)\n"
        },
        { "set", Reply.Set([Reply.Integer(0), Reply.Integer(1), Reply.Integer(2)]), "1~ (integer) 0\n2~ (integer) 1\n3~ (integer) 2\n" },
        { "push", Reply.Push([Reply.Bulk("server-cpu-usage"), Reply.Integer(42)]), "1) \"server-cpu-usage\"\n2) (integer) 42\n" },
        {
            // redis-cli -3: ZRANGE z 0 -1 WITHSCORES
            "array of pairs with doubles",
            Reply.Array([Reply.Array([Reply.Bulk("a"), Reply.Double(1.5)]), Reply.Array([Reply.Bulk("b"), Reply.Double(2)])]),
            "1) 1) \"a\"\n   2) (double) 1.5\n2) 1) \"b\"\n   2) (double) 2\n"
        },
        {
            // redis-cli -3: HELLO 3 against redis-server
            "hello map",
            Reply.Map(
            [
                Reply.Bulk("server"), Reply.Bulk("redis"), Reply.Bulk("version"), Reply.Bulk("7.0.15"), Reply.Bulk("proto"), Reply.Integer(3),
                Reply.Bulk("id"), Reply.Integer(20), Reply.Bulk("mode"), Reply.Bulk("standalone"), Reply.Bulk("role"), Reply.Bulk("master"),
                Reply.Bulk("modules"), Reply.EmptyArray,
            ]),
            """
            1# "server" => "redis"
            2# "version" => "7.0.15"
            3# "proto" => (integer) 3
            4# "id" => (integer) 20
            5# "mode" => "standalone"
            6# "role" => "master"
            7# "modules" => (empty array)

            """
        },
        {
            // redis-cli -3: COMMAND DOCS get, and a key spec of COMMAND INFO get: a multi-line value starts on a line of its own.
            "nested maps",
            Reply.Map(
            [
                Reply.Bulk("get"),
                Reply.Map(
                [
                    Reply.Bulk("summary"), Reply.Bulk("Get the value of a key"),
                    Reply.Bulk("arguments"),
                    Reply.Array([Reply.Map([Reply.Bulk("name"), Reply.Bulk("key"), Reply.Bulk("key_spec_index"), Reply.Integer(0)])]),
                    Reply.Bulk("begin_search"),
                    Reply.Map([Reply.Bulk("type"), Reply.Bulk("index"), Reply.Bulk("spec"), Reply.Map([Reply.Bulk("index"), Reply.Integer(1)])]),
                    Reply.Bulk("flags"), Reply.Set([Reply.Simple("RO"), Reply.Simple("access")]),
                ]),
            ]),
            """
            1# "get" => 
               1# "summary" => "Get the value of a key"
               2# "arguments" => 
                  1) 1# "name" => "key"
                     2# "key_spec_index" => (integer) 0
               3# "begin_search" => 
                  1# "type" => "index"
                  2# "spec" => 1# "index" => (integer) 1
               4# "flags" => 
                  1~ RO
                  2~ access

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

        // redis-cli -3 in a pipe: DEBUG PROTOCOL true, false, double, verbatim, map, set, and CONFIG GET.
        { "true", Reply.Boolean(true), "(true)\n"u8.ToArray() },
        { "false", Reply.Boolean(false), "(false)\n"u8.ToArray() },
        { "double", Reply.Double(3.141), "3.141\n"u8.ToArray() },
        { "big number", Reply.BigNumber("-12"), "-12\n"u8.ToArray() },
        { "verbatim", Reply.Verbatim("This is a verbatim\nstring"), "This is a verbatim\nstring\n"u8.ToArray() },
        { "map", Reply.Map([Reply.Integer(0), Reply.Boolean(false), Reply.Integer(1), Reply.Boolean(true)]), "0 (false)\n1 (true)\n"u8.ToArray() },
        { "config get", Reply.Map([Reply.Bulk("appendonly"), Reply.Bulk("no")]), "appendonly no\n"u8.ToArray() },
        { "empty map", Reply.Map([]), "\n"u8.ToArray() },
        { "set", Reply.Set([Reply.Integer(0), Reply.Integer(1), Reply.Integer(2)]), "0\n1\n2\n"u8.ToArray() },
        { "push", Reply.Push([Reply.Bulk("server-cpu-usage"), Reply.Integer(42)]), "server-cpu-usage\n42\n"u8.ToArray() },
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

    [Theory]
    [InlineData(nameof(ReplyFormat.Tty))]
    [InlineData(nameof(ReplyFormat.Raw))]
    public void PrintsVerbatimTextWithoutItsFormatGivenVerbatimCommand(string format)
    {
        // redis-cli -3 info keyspace, on a terminal and in a pipe.
        var info = Reply.Verbatim("# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n");

        Assert.Equal("# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\n", Text(CommandArgs.From("info", "keyspace"), info, format));
    }

    private static string Text(CommandArgs command, Reply reply, string format) =>
        System.Text.Encoding.UTF8.GetString(ReplyRenderer.Render(command, reply, Enum.Parse<ReplyFormat>(format)));
}
