using System.Buffers;
using System.Text;

namespace Redis.Protocol.Tests;

/// <summary>Every payload is read whole, split in two at every offset, and one byte at a time: the replies must not change.</summary>
public class ReplyReaderTests
{
    public static TheoryData<string, string, Reply[]> Payloads()
    {
        var data = new TheoryData<string, string, Reply[]>();
        foreach (var (name, payload, replies) in Cases())
        {
            foreach (var split in new[] { "whole", "halves", "bytes" })
            {
                data.Add(name + " " + split, payload, replies);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void ReadsTheSameRepliesHoweverTheBytesArrive(string name, string payload, Reply[] expected)
    {
        var bytes = Encoding.Latin1.GetBytes(payload);
        var split = name.Split(' ')[^1];
        var chunkings = split switch
        {
            "whole" => [[bytes]],
            "halves" => Enumerable.Range(1, bytes.Length - 1).Select(i => new[] { bytes[..i], bytes[i..] }).ToList(),
            _ => [bytes.Select(b => new[] { b }).ToArray()],
        };

        foreach (var chunks in chunkings)
        {
            Assert.Equal(expected, Feed(new ReplyReader(), chunks, out var error));
            Assert.Null(error);
        }
    }

    [Theory]
    [InlineData("@oops\r\n", "Protocol error, got \"@\" as reply type byte")]
    [InlineData("_x\r\n", "Protocol error, bad nil value")]
    [InlineData("#x\r\n", "Protocol error, bad bool value")]
    [InlineData("#tt\r\n", "Protocol error, bad bool value")]
    [InlineData(",\r\n", "Protocol error, bad double value")]
    [InlineData(",1.5x\r\n", "Protocol error, bad double value")]
    [InlineData(",nan\r\n", "Protocol error, bad double value")]
    [InlineData(",1e999\r\n", "Protocol error, bad double value")]
    [InlineData("(12a\r\n", "Protocol error, bad bignum value")]
    [InlineData("(1-2\r\n", "Protocol error, bad bignum value")]
    [InlineData("=3\r\ntxt\r\n", "Protocol error, bad verbatim string format")]
    [InlineData("=5\r\ntxt;a\r\n", "Protocol error, bad verbatim string format")]
    [InlineData("=x\r\n", "Protocol error, invalid bulk length")]
    [InlineData("!-2\r\n", "Protocol error, invalid bulk length")]
    [InlineData("%-2\r\n", "Protocol error, invalid multibulk length")]
    [InlineData("~x\r\n", "Protocol error, invalid multibulk length")]
    [InlineData(">1\r\n|z\r\n", "Protocol error, invalid multibulk length")]
    [InlineData("\0\r\n", "Protocol error, got \"\\x00\" as reply type byte")]
    [InlineData("$abc\r\n", "Protocol error, invalid bulk length")]
    [InlineData("$-2\r\n", "Protocol error, invalid bulk length")]
    [InlineData("$3\r\nabcXY", "Protocol error, bulk string not terminated by CRLF")]
    [InlineData(":12a\r\n", "Protocol error, invalid integer reply")]
    [InlineData(":\r\n", "Protocol error, invalid integer reply")]
    [InlineData("+OK\n", "Protocol error, reply line not terminated by CRLF")]
    [InlineData("*-2\r\n", "Protocol error, invalid multibulk length")]
    [InlineData("*1\r\n*x\r\n", "Protocol error, invalid multibulk length")]
    public void ReportsMalformedReplies(string payload, string error)
    {
        var reader = new ReplyReader();

        var status = reader.TryRead(Encoding.Latin1.GetBytes(payload), out _, out _);

        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(error, reader.ProtocolError);
    }

    [Fact]
    public void NeverThrowsGivenMutatedRespThreeReplies()
    {
        // Valid RESP3 replies with bytes flipped, dropped and repeated: every read ends in a reply, a wait for more
        // bytes or a protocol error, whole or one byte at a time, never an exception.
        var random = new Random(3);
        var seeds = Cases().Select(c => Encoding.Latin1.GetBytes(c.Payload)).ToArray();
        var alphabet = "_#,(=!%~>|*$+-:tf0123456789.\r\n"u8.ToArray();
        for (var round = 0; round < 5_000; round++)
        {
            var bytes = seeds[random.Next(seeds.Length)].ToList();
            for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0: bytes[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: bytes.RemoveAt(at); break;
                    default: bytes.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }

            var input = bytes.ToArray();
            FeedAnyway(new ReplyReader { MaxDepth = 8, MaxBulkLength = 64 }, [input]);
            FeedAnyway(new ReplyReader { MaxDepth = 8, MaxBulkLength = 64 }, input.Select(b => new[] { b }));
        }
    }

    [Fact]
    public void RefusesADoubleLongerThanHiredisBuffer()
    {
        var reader = new ReplyReader();

        Assert.Equal(OperationStatus.InvalidData, reader.TryRead(Encoding.ASCII.GetBytes("," + new string('1', 326) + "\r\n"), out _, out _));
        Assert.Equal("Protocol error, double value is too large", reader.ProtocolError);
    }

    [Fact]
    public void RefusesMapsNestedDeeperThanItsLimit()
    {
        var reader = new ReplyReader { MaxDepth = 2 };

        Assert.Equal(OperationStatus.InvalidData, reader.TryRead("%1\r\n~1\r\n>1\r\n:1\r\n"u8, out _, out _));
        Assert.Equal("Protocol error, arrays nested too deeply", reader.ProtocolError);
    }

    [Fact]
    public void RefusesABulkLongerThanItsLimit()
    {
        var reader = new ReplyReader { MaxBulkLength = 10 };

        Assert.Equal(OperationStatus.NeedMoreData, reader.TryRead("$10\r\n"u8, out _, out _));
        reader.Reset();
        Assert.Equal(OperationStatus.InvalidData, reader.TryRead("$11\r\n"u8, out _, out _));
    }

    [Fact]
    public void RefusesArraysNestedDeeperThanItsLimit()
    {
        var reader = new ReplyReader { MaxDepth = 2 };

        Assert.Equal(OperationStatus.Done, reader.TryRead("*1\r\n*1\r\n:1\r\n"u8, out _, out _));
        Assert.Equal(OperationStatus.InvalidData, reader.TryRead("*1\r\n*1\r\n*1\r\n:1\r\n"u8, out _, out _));
        Assert.Equal("Protocol error, arrays nested too deeply", reader.ProtocolError);
    }

    [Fact]
    public void RefusesALineThatNeverEnds()
    {
        var reader = new ReplyReader { MaxLineLength = 8 };

        Assert.Equal(OperationStatus.NeedMoreData, reader.TryRead("+1234567"u8, out _, out _));
        Assert.Equal(OperationStatus.InvalidData, reader.TryRead("+12345678"u8, out _, out _));
    }

    [Fact]
    public void ConsumesTheHeaderOfABulkStringBeforeItsBodyArrives()
    {
        var reader = new ReplyReader();

        var status = reader.TryRead("$100000\r\nabc"u8, out _, out var consumed);

        // The header is absorbed, so the caller's buffer holds only the body: a large value is never re-scanned.
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal("$100000\r\n".Length, consumed);
    }

    [Fact]
    public void ConsumesCompleteElementsOfAnIncompleteArray()
    {
        var reader = new ReplyReader();

        var status = reader.TryRead("*3\r\n:1\r\n$1\r\na\r\n:"u8, out _, out var consumed);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal("*3\r\n:1\r\n$1\r\na\r\n".Length, consumed);

        Assert.Equal(OperationStatus.Done, reader.TryRead(":3\r\n"u8, out var reply, out consumed));
        Assert.Equal(4, consumed);
        Assert.Equal(Reply.Array([Reply.Integer(1), Reply.Bulk("a"), Reply.Integer(3)]), reply);
    }

    [Fact]
    public void StopsAfterOneReplyAndLeavesTheNextInTheBuffer()
    {
        var reader = new ReplyReader();

        var status = reader.TryRead("+OK\r\n:1\r\n"u8, out var reply, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(Reply.Ok, reply);
        Assert.Equal(5, consumed);
    }

    [Fact]
    public void ReadsALargeBinaryValueExactly()
    {
        var value = new byte[200_000];
        new Random(7).NextBytes(value);
        byte[] payload = [.. "$200000\r\n"u8, .. value, .. "\r\n"u8];
        var chunks = payload.Chunk(16 * 1024).ToArray();

        var replies = Feed(new ReplyReader(), chunks, out var error);

        Assert.Null(error);
        Assert.True(Assert.Single(replies).Bytes.SequenceEqual(value));
    }

    /// <summary>Feeds chunks until the reader asks for more or reports an error; the input may end mid-reply.</summary>
    private static void FeedAnyway(ReplyReader reader, IEnumerable<byte[]> chunks)
    {
        var pending = new List<byte>();
        foreach (var chunk in chunks)
        {
            pending.AddRange(chunk);
            while (true)
            {
                var status = reader.TryRead(pending.ToArray(), out _, out var consumed);
                Assert.InRange(consumed, 0, pending.Count);
                pending.RemoveRange(0, consumed);
                if (status == OperationStatus.InvalidData)
                {
                    Assert.StartsWith("Protocol error, ", reader.ProtocolError, StringComparison.Ordinal);
                    return;
                }

                if (status == OperationStatus.NeedMoreData)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Feeds chunks as a connection does: unconsumed bytes stay at the front, new bytes are appended.</summary>
    private static List<Reply> Feed(ReplyReader reader, IEnumerable<byte[]> chunks, out string? error)
    {
        var pending = new List<byte>();
        var replies = new List<Reply>();
        error = null;
        foreach (var chunk in chunks)
        {
            pending.AddRange(chunk);
            while (true)
            {
                var status = reader.TryRead(pending.ToArray(), out var reply, out var consumed);
                pending.RemoveRange(0, consumed);
                if (status == OperationStatus.InvalidData)
                {
                    error = reader.ProtocolError;
                    return replies;
                }

                if (status == OperationStatus.NeedMoreData)
                {
                    break;
                }

                replies.Add(reply);
            }
        }

        Assert.Empty(pending);
        return replies;
    }

    private static IEnumerable<(string Name, string Payload, Reply[] Replies)> Cases()
    {
        yield return ("simple", "+OK\r\n", [Reply.Ok]);
        yield return ("empty-simple", "+\r\n", [Reply.Simple("")]);
        yield return ("error", "-ERR unknown command 'foo'\r\n", [Reply.Error("ERR unknown command 'foo'")]);
        yield return ("integer", ":1000\r\n", [Reply.Integer(1000)]);
        yield return ("negative", ":-2\r\n", [Reply.Integer(-2)]);
        yield return ("bulk", "$5\r\nhello\r\n", [Reply.Bulk("hello")]);
        yield return ("empty-bulk", "$0\r\n\r\n", [Reply.Bulk("")]);
        yield return ("binary-bulk", "$6\r\na\r\n\0\u00ffb\r\n", [Reply.Bulk([(byte)'a', 13, 10, 0, 255, (byte)'b'])]);
        yield return ("nil", "$-1\r\n", [Reply.Nil]);
        yield return ("null-array", "*-1\r\n", [Reply.Nil]);
        yield return ("empty-array", "*0\r\n", [Reply.EmptyArray]);
        yield return ("array", "*2\r\n$1\r\na\r\n$-1\r\n", [Reply.Array([Reply.Bulk("a"), Reply.Nil])]);
        yield return ("nested", "*3\r\n*2\r\n:1\r\n$1\r\nx\r\n*0\r\n-ERR e\r\n",
            [Reply.Array([Reply.Array([Reply.Integer(1), Reply.Bulk("x")]), Reply.EmptyArray, Reply.Error("ERR e")])]);
        yield return ("deep", "*1\r\n*1\r\n*1\r\n+deep\r\n", [Reply.Array([Reply.Array([Reply.Array([Reply.Simple("deep")])])])]);
        yield return ("resp3-null", "_\r\n", [Reply.Nil]);
        yield return ("true", "#t\r\n", [Reply.Boolean(true)]);
        yield return ("false", "#f\r\n", [Reply.Boolean(false)]);
        yield return ("double", ",1.5\r\n", [Reply.Double(1.5)]);
        yield return ("double-exponent", ",1e+20\r\n", [Reply.Double(1e20)]);
        yield return ("double-inf", ",inf\r\n,-inf\r\n", [Reply.Double(double.PositiveInfinity), Reply.Double(double.NegativeInfinity)]);
        yield return ("double-as-sent", ",3.0\r\n", [Reply.FromWireText(ReplyKind.Double, "3.0"u8.ToArray())]);
        yield return ("big-number", "(-3492890328409238509324850943850943825024385\r\n", [Reply.BigNumber("-3492890328409238509324850943850943825024385")]);
        yield return ("verbatim", "=15\r\ntxt:Some string\r\n", [Reply.Verbatim("Some string")]);
        yield return ("verbatim-markdown", "=9\r\nmkd:# a\r\n\r\n", [Reply.Verbatim("# a\r\n", "mkd")]);
        yield return ("blob-error", "!21\r\nSYNTAX invalid syntax\r\n", [Reply.Error("SYNTAX invalid syntax")]);
        yield return ("map", "%2\r\n+first\r\n:1\r\n+second\r\n_\r\n",
            [Reply.Map([Reply.Simple("first"), Reply.Integer(1), Reply.Simple("second"), Reply.Nil])]);
        yield return ("empty-map", "%0\r\n", [Reply.Map([])]);
        yield return ("set", "~2\r\n$1\r\na\r\n#f\r\n", [Reply.Set([Reply.Bulk("a"), Reply.Boolean(false)])]);
        yield return ("empty-set", "~0\r\n", [Reply.Set([])]);
        yield return ("push", ">3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$1\r\nm\r\n",
            [Reply.Push([Reply.Bulk("message"), Reply.Bulk("c"), Reply.Bulk("m")])]);
        yield return ("nested-resp3", "*2\r\n%1\r\n$1\r\nk\r\n~1\r\n,0.5\r\n=5\r\ntxt:x\r\n",
            [Reply.Array([Reply.Map([Reply.Bulk("k"), Reply.Set([Reply.Double(0.5)])]), Reply.Verbatim("x")])]);
        yield return ("attribute-skipped", "|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*1\r\n:2\r\n",
            [Reply.Array([Reply.Integer(2)])]);
        yield return ("attribute-inside", "*2\r\n:1\r\n|1\r\n+ttl\r\n:3\r\n:2\r\n", [Reply.Array([Reply.Integer(1), Reply.Integer(2)])]);
        yield return ("empty-attribute", "|0\r\n+OK\r\n", [Reply.Ok]);
        yield return ("pipelined", "+OK\r\n$1\r\n1\r\n:2\r\n*1\r\n+x\r\n",
            [Reply.Ok, Reply.Bulk("1"), Reply.Integer(2), Reply.Array([Reply.Simple("x")])]);
    }
}
