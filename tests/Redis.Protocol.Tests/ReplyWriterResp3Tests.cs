using System.Text;

namespace Redis.Protocol.Tests;

/// <summary>
/// RESP3's kinds encode to the bytes redis-server 7.0.15 sends a RESP3 connection, and to what it sends a RESP2 one
/// (taken from <c>HELLO 3</c>, <c>ZSCORE</c>, <c>GET</c> of a missing key and <c>CLIENT INFO</c> over both protocols).
/// </summary>
public sealed class ReplyWriterResp3Tests
{
    private static readonly Dictionary<string, (Reply Reply, string Resp2, string Resp3)> Golden = new()
    {
        { "nil", (Reply.Nil, "$-1\r\n", "_\r\n") },
        { "null array", (Reply.NullArray, "*-1\r\n", "_\r\n") },
        { "map", (Reply.Map([Reply.Bulk("proto"), Reply.Integer(3)]), "*2\r\n$5\r\nproto\r\n:3\r\n", "%1\r\n$5\r\nproto\r\n:3\r\n") },
        { "empty map", (Reply.Map([]), "*0\r\n", "%0\r\n") },
        { "set", (Reply.Set([Reply.Bulk("a"), Reply.Bulk("b")]), "*2\r\n$1\r\na\r\n$1\r\nb\r\n", "~2\r\n$1\r\na\r\n$1\r\nb\r\n") },
        { "push", (Reply.Push([Reply.Bulk("message"), Reply.Bulk("c"), Reply.Bulk("m")]), "*3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n", ">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n") },
        { "double 0.1", (Reply.Double(0.1), "$19\r\n0.10000000000000001\r\n", ",0.10000000000000001\r\n") },
        { "double inf", (Reply.Double(double.PositiveInfinity), "$3\r\ninf\r\n", ",inf\r\n") },
        { "double -inf", (Reply.Double(double.NegativeInfinity), "$4\r\n-inf\r\n", ",-inf\r\n") },
        { "double 1e20", (Reply.Double(1e20), "$5\r\n1e+20\r\n", ",1e+20\r\n") },
        { "double 1e-5", (Reply.Double(1e-5), "$22\r\n1.0000000000000001e-05\r\n", ",1.0000000000000001e-05\r\n") },
        { "double 100000", (Reply.Double(100000), "$6\r\n100000\r\n", ",100000\r\n") },
        { "true", (Reply.Boolean(true), ":1\r\n", "#t\r\n") },
        { "false", (Reply.Boolean(false), ":0\r\n", "#f\r\n") },
        { "big number", (Reply.BigNumber("-12345678901234567890"), "$21\r\n-12345678901234567890\r\n", "(-12345678901234567890\r\n") },
        { "verbatim", (Reply.Verbatim("id=1\n"), "$5\r\nid=1\n\r\n", "=9\r\ntxt:id=1\n\r\n") },
        {
            "nested",
            (Reply.Array([Reply.Map([Reply.Bulk("k"), Reply.Set([Reply.Nil])]), Reply.Double(1.5)]),
             "*2\r\n*2\r\n$1\r\nk\r\n*1\r\n$-1\r\n$3\r\n1.5\r\n",
             "*2\r\n%1\r\n$1\r\nk\r\n~1\r\n_\r\n,1.5\r\n")
        },
    };

    public static TheoryData<string> GoldenReplies => new(Golden.Keys);

    [Theory]
    [MemberData(nameof(GoldenReplies))]
    public void WritesRedisBytesGivenResp2Connection(string kind)
    {
        var (reply, resp2, _) = Golden[kind];

        Assert.Equal($"{kind}: {resp2}", $"{kind}: {Encode(reply, RespVersion.Resp2)}");
    }

    [Theory]
    [MemberData(nameof(GoldenReplies))]
    public void WritesRedisBytesGivenResp3Connection(string kind)
    {
        var (reply, _, resp3) = Golden[kind];

        Assert.Equal($"{kind}: {resp3}", $"{kind}: {Encode(reply, RespVersion.Resp3)}");
    }

    [Fact]
    public void KeepsRespTwoKindsUnchangedGivenResp3Connection()
    {
        Reply[] same = [Reply.Ok, Reply.Error("ERR x"), Reply.Integer(-7), Reply.Bulk("v"), Reply.Array([Reply.Bulk("a")])];

        foreach (var reply in same)
        {
            Assert.Equal(Encode(reply, RespVersion.Resp2), Encode(reply, RespVersion.Resp3));
        }
    }

    [Fact]
    public void RefusesOddItemCountGivenMap()
    {
        Assert.Throws<ArgumentException>(() => Reply.Map([Reply.Bulk("key without value")]));
    }

    private static string Encode(Reply reply, RespVersion protocol)
    {
        var writer = new ReplyWriter { Protocol = protocol };
        writer.Write(reply);
        return Encoding.Latin1.GetString(writer.Written);
    }
}
