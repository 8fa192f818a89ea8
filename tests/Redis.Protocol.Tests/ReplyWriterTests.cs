using System.Text;

namespace Redis.Protocol.Tests;

/// <summary>Each reply kind encodes to RESP2's exact bytes (golden bytes, as redis-server sends them).</summary>
public sealed class ReplyWriterTests
{
    private static readonly Dictionary<string, (Reply Reply, string Bytes)> Golden = new()
    {
        { "OK", (Reply.Ok, "+OK\r\n") },
        { "PONG", (Reply.Pong, "+PONG\r\n") },
        { "simple string", (Reply.Simple("QUEUED"), "+QUEUED\r\n") },
        { "OK then close", (Reply.OkThenClose, "+OK\r\n") },
        { "error", (Reply.Error("ERR x"), "-ERR x\r\n") },
        { "error with code", (Reply.Error("WRONGTYPE Operation against a key holding the wrong kind of value"), "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n") },
        { "integer 42", (Reply.Integer(42), ":42\r\n") },
        { "integer -1", (Reply.Integer(-1), ":-1\r\n") },
        { "zero", (Reply.Zero, ":0\r\n") },
        { "one", (Reply.One, ":1\r\n") },
        { "long.MaxValue", (Reply.Integer(long.MaxValue), ":9223372036854775807\r\n") },
        { "long.MinValue", (Reply.Integer(long.MinValue), ":-9223372036854775808\r\n") },
        { "bulk", (Reply.Bulk("bar"), "$3\r\nbar\r\n") },
        { "empty bulk", (Reply.Bulk([]), "$0\r\n\r\n") },
        { "binary bulk", (Reply.Bulk(Encoding.Latin1.GetBytes("a\r\n\0\xff")), "$5\r\na\r\n\0\xff\r\n") },
        { "nil", (Reply.Nil, "$-1\r\n") },
        { "empty array", (Reply.EmptyArray, "*0\r\n") },
        { "null array", (Reply.NullArray, "*-1\r\n") },
        { "queued", (Reply.Queued, "+QUEUED\r\n") },
        { "array", (Reply.Array([Reply.Bulk("a"), Reply.Integer(2), Reply.Nil]), "*3\r\n$1\r\na\r\n:2\r\n$-1\r\n") },
        {
            "nested arrays",
            (Reply.Array([Reply.Array([Reply.Integer(1), Reply.Bulk("x")]), Reply.EmptyArray, Reply.Array([Reply.Array([Reply.Ok])]), Reply.Error("ERR e")]),
             "*4\r\n*2\r\n:1\r\n$1\r\nx\r\n*0\r\n*1\r\n*1\r\n+OK\r\n-ERR e\r\n")
        },
    };

    public static TheoryData<string> GoldenReplies => new(Golden.Keys);

    [Theory]
    [MemberData(nameof(GoldenReplies))]
    public void WritesGoldenBytesGivenReply(string kind)
    {
        var (reply, expected) = Golden[kind];
        var writer = new ReplyWriter();

        writer.Write(reply);

        Assert.Equal($"{kind}: {expected}", $"{kind}: {Encoding.Latin1.GetString(writer.Written)}");
        Assert.Equal(Encoding.Latin1.GetByteCount(expected), writer.Length);
    }

    [Fact]
    public void AppendsRepliesInOrderGivenSeveralWrites()
    {
        var writer = new ReplyWriter();

        writer.Write(Reply.Ok);
        writer.Write(Reply.Bulk("v"));
        writer.Write(Reply.Integer(7));
        writer.Write(Reply.Nil);

        Assert.Equal("+OK\r\n$1\r\nv\r\n:7\r\n$-1\r\n", Encoding.Latin1.GetString(writer.Written));
    }

    [Fact]
    public void RoundTripsOneMegabyteBulkGivenLargeReply()
    {
        var value = RequestReaderTests.Pattern(1024 * 1024);
        var writer = new ReplyWriter();

        writer.Write(Reply.Array([Reply.Bulk(value)]));

        // "*1" + a bulk is also a request, so the reader decodes it back.
        var decoded = Framing.Decode(writer.Written.ToArray(), [writer.Length]);
        Assert.Null(decoded.ProtocolError);
        Assert.Equal(0, decoded.Unconsumed);
        Assert.Single(decoded.Commands);
        Assert.True(value.AsSpan().SequenceEqual(decoded.Commands[0][0]));
        Assert.Equal("*1\r\n$1048576\r\n", Encoding.ASCII.GetString(writer.Written[..14]));
        Assert.Equal(14 + value.Length + 2, writer.Length);
    }

    [Fact]
    public void KeepsEarlierRepliesGivenBufferGrowsMidBatch()
    {
        var writer = new ReplyWriter();
        var big = new byte[100_000];
        Array.Fill(big, (byte)'z');

        writer.Write(Reply.Ok);
        writer.Write(Reply.Bulk(big));
        writer.Write(Reply.Integer(1));

        var text = Encoding.Latin1.GetString(writer.Written);
        Assert.Equal("+OK\r\n$100000\r\n" + new string('z', 100_000) + "\r\n:1\r\n", text);
    }

    [Fact]
    public void EmptiesWrittenGivenClear()
    {
        var writer = new ReplyWriter();
        writer.Write(Reply.Bulk("something"));

        writer.Clear();

        Assert.Equal(0, writer.Length);
        Assert.True(writer.Written.IsEmpty);
    }

    [Fact]
    public void WritesFromTheStartGivenClearAfterLargeReply()
    {
        var writer = new ReplyWriter();
        writer.Write(Reply.Bulk(new byte[1024 * 1024]));

        writer.Clear();
        writer.Write(Reply.Integer(5));

        Assert.Equal(":5\r\n", Encoding.Latin1.GetString(writer.Written));
    }
}
