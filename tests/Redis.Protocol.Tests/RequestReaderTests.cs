using System.Buffers;
using System.Runtime.InteropServices;
using static Redis.Protocol.Tests.RequestBytes;

namespace Redis.Protocol.Tests;

/// <summary>Valid request streams, RESP and inline, decode to the same commands however the bytes arrive.</summary>
public sealed class RequestReaderTests
{
    private const string BinaryValue = "a\r\nb\0c\n\r\0\xff";

    private static readonly string HundredKilobytes = System.Text.Encoding.Latin1.GetString(Pattern(100 * 1024));

    private static readonly Dictionary<string, FramingCase> Cases = new[]
    {
        new FramingCase("resp single command", Resp("PING"), [["PING"]]),
        new FramingCase("resp command with arguments", Resp("SET", "key", "value"), [["SET", "key", "value"]]),
        new FramingCase(
            "resp pipelined commands",
            Concat(Resp("SET", "k", "v"), Resp("GET", "k"), Resp("DEL", "k", "other")),
            [["SET", "k", "v"], ["GET", "k"], ["DEL", "k", "other"]]),
        new FramingCase(
            "resp binary value with CR, LF and NUL",
            Resp("SET", "k", BinaryValue),
            [["SET", "k", BinaryValue]]),
        new FramingCase(
            "resp value that looks like a request",
            Resp("SET", "k", "*1\r\n$4\r\nPING\r\n"),
            [["SET", "k", "*1\r\n$4\r\nPING\r\n"]]),
        new FramingCase("resp empty bulk ($0)", Text("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"), [["ECHO", ""]]),
        new FramingCase("resp all arguments empty", Text("*3\r\n$0\r\n\r\n$0\r\n\r\n$0\r\n\r\n"), [["", "", ""]]),

        // Redis skips the two bytes after a bulk without checking them (processMultibulkBuffer); checked against redis-server 7.0.
        new FramingCase("resp bulk followed by two bytes other than CR LF", Text("*1\r\n$4\r\nPINGxy*1\r\n$1\r\nA\r\n"), [["PING"], ["A"]]),
        // Likewise only the CR of a header line is looked for; the byte after it is skipped (checked against redis-server 7.0).
        new FramingCase("resp header CR followed by a byte other than LF", Text("*1\rX$4\r\nPING\r\n"), [["PING"]]),
        new FramingCase("*0 is skipped", Text("*0\r\n"), []),
        new FramingCase("*-1 is skipped", Text("*-1\r\n"), []),

        // Redis skips every count <= 0, not only -1 (checked against redis-server 7.0).
        new FramingCase("*-5 is skipped", Text("*-5\r\n"), []),
        new FramingCase(
            "empty requests before a command are skipped",
            Concat(Text("*0\r\n*-1\r\n\r\n\n  \r\n\t\n"), Resp("PING")),
            [["PING"]]),
        new FramingCase(
            "trailing partial request is left unconsumed",
            Concat(Resp("PING"), Text("*2\r\n$3\r\nGET\r\n$1\r\n")),
            [["PING"]],
            Unconsumed: "*2\r\n$3\r\nGET\r\n$1\r\n".Length),
        new FramingCase("empty request skipped before a partial one", Text("*0\r\n*1\r\n$4\r\nPI"), [], Unconsumed: 10),
        new FramingCase("partial header only", Text("*1"), [], Unconsumed: 2),
        new FramingCase("header waiting for its LF", Text("*1\r"), [], Unconsumed: 3),
        new FramingCase("bulk waiting for its CR LF", Text("*1\r\n$4\r\nPING"), [], Unconsumed: 12),
        new FramingCase("inline word", Text("PING\r\n"), [["PING"]]),
        new FramingCase("inline words", Text("SET key value\r\n"), [["SET", "key", "value"]]),
        new FramingCase("inline line ended by LF alone", Text("SET key value\n"), [["SET", "key", "value"]]),
        new FramingCase("inline runs of spaces and tabs", Text("  SET \t key\t\tvalue  \r\n"), [["SET", "key", "value"]]),

        // A CR inside the line separates words; a CR before CR LF is dropped (both as redis-server 7.0 does).
        new FramingCase("inline CR inside a line", Text("SET a\rb\r\n"), [["SET", "a", "b"]]),
        new FramingCase("inline CR before CR LF", Text("GET a\r\r\n"), [["GET", "a"]]),

        // Vertical tab and form feed are skipped between words but do not end one (sdssplitargs).
        new FramingCase("inline VT and FF inside a word", Text("SET a\vb\fc\r\n"), [["SET", "a\vb\fc"]]),
        new FramingCase("inline pipelined lines", Text("SET k v\r\nGET k\nDEL k\r\n"), [["SET", "k", "v"], ["GET", "k"], ["DEL", "k"]]),
        new FramingCase("inline empty lines skipped", Text("\r\n\n   \r\nPING\r\n\r\n"), [["PING"]]),
        new FramingCase("inline partial line", Text("SET k v"), [], Unconsumed: 7),
        new FramingCase("inline partial line ending in CR", Text("SET k v\r"), [], Unconsumed: 8),
        new FramingCase("inline bytes above 0x7f", Text("SET \xc3\xa9 \xff\r\n"), [["SET", "\xc3\xa9", "\xff"]]),
        new FramingCase(
            "inline and RESP mixed in one stream",
            Concat(Text("PING\r\n"), Resp("ECHO", "a b"), Text("SET k \"x y\"\n*0\r\n\r\n"), Resp("GET", "k"), Text("QUIT\r\n")),
            [["PING"], ["ECHO", "a b"], ["SET", "k", "x y"], ["GET", "k"], ["QUIT"]]),
        new FramingCase(
            "1000 pipelined commands",
            Concat(Enumerable.Range(0, 1000).Select(i => i % 3 == 2 ? Text($"INCR counter:{i}\r\n") : Resp("SET", $"key:{i}", $"value:{i}")).ToArray()),
            Enumerable.Range(0, 1000).Select(i => i % 3 == 2 ? new[] { "INCR", $"counter:{i}" } : ["SET", $"key:{i}", $"value:{i}"]).ToArray()),
        new FramingCase(
            "100 KB value",
            Resp("SET", "big", HundredKilobytes),
            [["SET", "big", HundredKilobytes]]),
        new FramingCase(
            "100 KB inline line",
            Text("SET big " + new string('v', 100 * 1024) + "\r\n"),
            [["SET", "big", new string('v', 100 * 1024)]]),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string, FramingMode> FramingCases
    {
        get
        {
            var data = new TheoryData<string, FramingMode>();
            foreach (var name in Cases.Keys)
            {
                foreach (var mode in Framing.Modes)
                {
                    data.Add(name, mode);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FramingCases))]
    public void DecodesSameCommandsGivenAnyFraming(string caseName, FramingMode mode)
    {
        var framingCase = Cases[caseName];
        Framing.AssertDecodes(framingCase.Payload, mode, framingCase.Commands, unconsumed: framingCase.Unconsumed);
    }

    [Fact]
    public void DecodesTenMegabyteValueGivenWholeAndSeveralChunkings()
    {
        var value = Pattern(10 * 1024 * 1024);
        var payload = Concat(Resp(Text("SET"), Text("huge"), value), Resp("PING"));
        var header = payload.Length - value.Length - Resp("PING").Length - 2;
        int[][] chunkings =
        [
            [payload.Length],
            [1, payload.Length - 1],
            [header, payload.Length - header],
            [header + 1, payload.Length - header - 1],
            [payload.Length - 2, 2],
            [payload.Length - 1, 1],
            .. new[] { 1024, 64 * 1024, 1024 * 1024, 3_333_333 }.Select(size => Chunks(payload.Length, size)),
        ];

        foreach (var chunks in chunkings)
        {
            var result = Framing.Decode(payload, chunks);

            Assert.Null(result.ProtocolError);
            Assert.Equal(0, result.Unconsumed);
            Assert.Equal(2, result.Commands.Count);
            Assert.Equal(Words("SET", "huge"), result.Commands[0][..2]);
            Assert.True(value.AsSpan().SequenceEqual(result.Commands[0][2]), $"value differs with chunks of {chunks[0]} bytes");
            Assert.Equal(Words("PING"), result.Commands[1]);
        }
    }

    [Fact]
    public void ReturnsDoneWithRequestLengthGivenOneRequest()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var payload = Concat(Resp("GET", "k"), Resp("PING"));

        var status = reader.TryRead(payload, 0, payload.Length, out var args, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(Resp("GET", "k").Length, consumed);
        Assert.Equal(Words("GET", "k"), args.ToArrays());
        Assert.Null(reader.ProtocolError);
    }

    [Fact]
    public void CountsSkippedEmptyRequestsInConsumedGivenDone()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var payload = Concat(Text("*0\r\n\r\n*-1\r\n"), Text("PING\r\n"), Text("ECHO x\r\n"));

        var status = reader.TryRead(payload, 0, payload.Length, out var args, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(4 + 2 + 5 + 6, consumed);
        Assert.Equal(Words("PING"), args.ToArrays());
    }

    [Fact]
    public void CountsOnlySkippedEmptyRequestsInConsumedGivenNeedMoreData()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var payload = Text("*0\r\n\n*2\r\n$3\r\nGET");

        var status = reader.TryRead(payload, 0, payload.Length, out _, out var consumed);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(5, consumed);
    }

    [Fact]
    public void ReturnsNeedMoreDataConsumingNothingGivenEmptyBuffer()
    {
        var reader = new RequestReader(new ProtocolLimits());

        var status = reader.TryRead([], 0, 0, out _, out var consumed);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void ReadsOnlyTheOfferedRangeGivenRequestInsideLargerBuffer()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var request = Resp("SET", "k", "v");
        var buffer = Concat(Text("*1\r\n$4\r\nJUNK\r\n"), request, Text("\r\n$2\r\nxx\r\n"));
        var start = buffer.Length - request.Length - 10;

        var status = reader.TryRead(buffer, start, request.Length, out var args, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(request.Length, consumed);
        Assert.Equal(Words("SET", "k", "v"), args.ToArrays());
    }

    [Fact]
    public void ReturnsSlicesOfCallerBufferGivenRespRequest()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var buffer = Concat(Text("xx"), Resp("SET", "key", "value"));

        reader.TryRead(buffer, 2, buffer.Length - 2, out var args, out _);

        Assert.True(MemoryMarshal.TryGetArray(args.Memory(2), out var segment));
        Assert.Same(buffer, segment.Array);
        Assert.Equal(buffer.Length - "value\r\n".Length, segment.Offset);
    }

    [Fact]
    public void ResumesPartialRequestGivenItMovedToAnotherBuffer()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var request = Resp("SET", "key", "value");
        var first = Concat(Text("garbage"), request.AsSpan(0, 20).ToArray());

        Assert.Equal(OperationStatus.NeedMoreData, reader.TryRead(first, 7, 20, out _, out var consumed));
        Assert.Equal(0, consumed);

        var moved = Concat(Text("0123456789"), request, Text("\r\n\r\n"));
        var status = reader.TryRead(moved, 10, request.Length, out var args, out consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(request.Length, consumed);
        Assert.Equal(Words("SET", "key", "value"), args.ToArrays());
    }

    [Fact]
    public void ParsesFromScratchGivenResetAfterPartialRequest()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var partial = Text("*3\r\n$3\r\nSET\r\n$1\r\nk");
        Assert.Equal(OperationStatus.NeedMoreData, reader.TryRead(partial, 0, partial.Length, out _, out _));

        reader.Reset();
        var fresh = Text("PING\r\n");
        var status = reader.TryRead(fresh, 0, fresh.Length, out var args, out var consumed);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(6, consumed);
        Assert.Equal(Words("PING"), args.ToArrays());
    }

    [Fact]
    public void ClearsProtocolErrorGivenReset()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var bad = Text("*x\r\n");
        Assert.Equal(OperationStatus.InvalidData, reader.TryRead(bad, 0, bad.Length, out _, out _));

        reader.Reset();
        var good = Resp("PING");

        Assert.Null(reader.ProtocolError);
        Assert.Equal(OperationStatus.Done, reader.TryRead(good, 0, good.Length, out _, out _));
    }

    [Fact]
    public void DoesNotAllocateDeclaredSizeGivenHugeBulkHeaderAndFewBytes()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var payload = Text("*2\r\n$3\r\nSET\r\n$400000000\r\n0123456789");
        var more = Concat(payload, Text("abcdefghij"));
        reader.TryRead(Resp("WARM", "UP"), 0, Resp("WARM", "UP").Length, out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var first = reader.TryRead(payload, 0, payload.Length, out _, out var consumedFirst);
        var second = reader.TryRead(more, 0, more.Length, out _, out var consumedSecond);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(OperationStatus.NeedMoreData, first);
        Assert.Equal(OperationStatus.NeedMoreData, second);
        Assert.Equal(0, consumedFirst + consumedSecond);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes for a 20-byte partial request");
    }

    [Fact]
    public void DoesNotAllocatePerAnnouncedArgumentGivenHugeArrayHeader()
    {
        var reader = new RequestReader(new ProtocolLimits { MaxArguments = int.MaxValue });
        var payload = Text("*2000000000\r\n$1\r\na\r\n");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var status = reader.TryRead(payload, 0, payload.Length, out _, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes for a header announcing 2e9 arguments");
    }

    internal static byte[] Pattern(int length)
    {
        var value = new byte[length];
        for (var i = 0; i < length; i++)
        {
            // Every byte value, CR and LF included, at positions that do not repeat with any small period.
            value[i] = (byte)((i * 31) ^ (i >> 8));
        }

        return value;
    }

    private static int[] Chunks(int length, int size) =>
        Enumerable.Range(0, (length + size - 1) / size).Select(i => Math.Min(size, length - (i * size))).ToArray();

    private sealed record FramingCase(string Name, byte[] Payload, string[][] Words, int Unconsumed = 0)
    {
        public byte[][][] Commands => Words.Select(words => RequestBytes.Words(words)).ToArray();
    }

    [Fact]
    public void MissingBulkBytesCountsWhatABigArgumentStillLacksAndNothingForSmallOnes()
    {
        var reader = new RequestReader(new ProtocolLimits());
        var head = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$40000\r\nabc"u8.ToArray();
        var buffer = new byte[head.Length + 40_000];
        head.CopyTo(buffer, 0);

        Assert.Equal(OperationStatus.NeedMoreData, reader.TryRead(buffer, 0, head.Length, out _, out _));
        Assert.Equal(40_000 + 2 - 3, reader.MissingBulkBytes(head.Length, 32 * 1024));
        Assert.Equal(0, reader.MissingBulkBytes(head.Length, 64 * 1024));

        reader.Reset();
        var small = "*1\r\n$4\r\nPI"u8.ToArray();
        Assert.Equal(OperationStatus.NeedMoreData, reader.TryRead(small, 0, small.Length, out _, out _));
        Assert.Equal(0, reader.MissingBulkBytes(small.Length, 32 * 1024));
    }
}
