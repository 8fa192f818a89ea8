
namespace Redis.Protocol.Tests;

public class ReplyTests
{
    public static TheoryData<Reply, string> Renderings => new()
    {
        { Reply.Ok, "+OK" },
        { Reply.Bulk("v"), "\"v\"" },
        { Reply.Bulk(""), "\"\"" },
        { Reply.Nil, "(nil)" },
        { Reply.One, ":1" },
        { Reply.Integer(-42), ":-42" },
        { Reply.Error("ERR x"), "-ERR x" },
        { Reply.EmptyArray, "[]" },
        { Reply.Array([Reply.Bulk("a"), Reply.Bulk("1")]), "[\"a\", \"1\"]" },
        { Reply.Array([Reply.Bulk("a"), Reply.Integer(7), Reply.Nil]), "[\"a\", :7, (nil)]" },
        { Reply.Map([Reply.Bulk("k"), Reply.Integer(1)]), "{\"k\" => :1}" },
        { Reply.Set([Reply.Bulk("m")]), "~[\"m\"]" },
        { Reply.Push([Reply.Bulk("message")]), ">[\"message\"]" },
        { Reply.Double(2.5), "(double) 2.5" },
        { Reply.Boolean(false), "(false)" },
        { Reply.BigNumber("123"), "(big number) 123" },
        { Reply.Verbatim("a\n"), "\"a\\n\"" },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void RendersAsOneWireLikeLine(Reply reply, string expected)
    {
        Assert.Equal(expected, reply.ToString());
    }

    /// <summary>The bytes <c>a \0 \xff " \ \n \r \t \a \b z</c>, which redis-cli 7.0.15 prints exactly so.</summary>
    [Fact]
    public void QuotesBinaryBytesWithEscapes()
    {
        byte[] value = [(byte)'a', 0x00, 0xff, (byte)'"', (byte)'\\', (byte)'\n', (byte)'\r', (byte)'\t', 0x07, 0x08, (byte)'z'];

        Assert.Equal(@"""a\x00\xff\""\\\n\r\t\a\bz""", Repr.Quote(value));
    }

    [Fact]
    public void WrapsBulkBytesWithoutCopying()
    {
        var value = "abc"u8.ToArray();

        var reply = Reply.Bulk(value);
        value[0] = (byte)'x';

        Assert.Equal((byte)'x', reply.Bytes[0]);
    }

    [Fact]
    public void ComparesByKindAndContent()
    {
        Assert.Equal(Reply.Integer(1), Reply.One);
        Assert.Equal(Reply.Bulk("a"), Reply.Bulk("a"u8.ToArray()));
        Assert.Equal(Reply.Array([Reply.Bulk("a")]), Reply.Array([Reply.Bulk("a")]));

        Assert.NotEqual(Reply.Simple("a"), Reply.Bulk("a"));
        Assert.NotEqual(Reply.Error("OK"), Reply.Ok);
        Assert.NotEqual(Reply.Array([Reply.Bulk("a")]), Reply.Array([Reply.Bulk("b")]));
        Assert.NotEqual(Reply.Zero, Reply.Nil);
        Assert.NotEqual(Reply.OkThenClose, Reply.Ok);
    }

    [Fact]
    public void MarksOnlyErrorsAsErrors()
    {
        Assert.True(Reply.Error("ERR x").IsError);
        Assert.False(Reply.Simple("ERR x").IsError);
        Assert.False(Reply.Nil.IsError);
    }
}
