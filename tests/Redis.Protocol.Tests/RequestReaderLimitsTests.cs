using System.Buffers;
using static Redis.Protocol.Tests.RequestBytes;

namespace Redis.Protocol.Tests;

/// <summary>Every limit accepts a request exactly at it and refuses one a byte (or an argument) over it, however the bytes arrive.</summary>
public sealed class RequestReaderLimitsTests
{
    private const int BulkLimit = 10;
    private const int InlineLimit = 16;
    private const int ArgumentLimit = 4;

    private static readonly ProtocolLimits Limits = new()
    {
        MaxBulkLength = BulkLimit,
        MaxInlineLength = InlineLimit,
        MaxArguments = ArgumentLimit,
    };

    [Fact]
    public void AcceptsBulkGivenLengthAtMaxBulkLength()
    {
        Framing.AssertDecodesUnderEveryFraming(
            Resp("SET", "k", "0123456789"), [Words("SET", "k", "0123456789")], limits: Limits);
    }

    [Fact]
    public void WaitsForBodyGivenHeaderAtMaxBulkLength()
    {
        var payload = Text("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$10\r\n");

        Framing.AssertDecodesUnderEveryFraming(payload, [], unconsumed: payload.Length, limits: Limits);
    }

    [Fact]
    public void ReturnsInvalidBulkLengthGivenHeaderOneAboveMaxBulkLengthWithoutBody()
    {
        // Refused as soon as the header is read: the client never gets to send (and the server never buffers) the body.
        Framing.AssertDecodesUnderEveryFraming(
            Text("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$11\r\n"), [], "invalid bulk length", limits: Limits);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void AcceptsInlineLineGivenLengthAtMaxInlineLength(string ending)
    {
        const string line = "SET key 12345678";
        Assert.Equal(InlineLimit, line.Length);

        Framing.AssertDecodesUnderEveryFraming(Text(line + ending), [Words("SET", "key", "12345678")], limits: Limits);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void ReturnsTooBigInlineGivenLineOneAboveMaxInlineLength(string ending)
    {
        Framing.AssertDecodesUnderEveryFraming(Text("SET key 123456789" + ending), [], "too big inline request", limits: Limits);
    }

    [Fact]
    public void ReturnsTooBigInlineGivenLineOneAboveMaxInlineLengthBeforeNewlineArrives()
    {
        Framing.AssertDecodesUnderEveryFraming(Text("SET key 123456789"), [], "too big inline request", limits: Limits);
    }

    [Theory]
    [InlineData("SET key 12345678")]
    [InlineData("SET key 12345678\r")]
    public void WaitsForNewlineGivenLineAtMaxInlineLengthWithoutNewline(string partial)
    {
        // The CR may be the first half of the line ending, so it does not count against the limit yet.
        Framing.AssertDecodesUnderEveryFraming(Text(partial), [], unconsumed: partial.Length, limits: Limits);
    }

    [Fact]
    public void CountsEachInlineLineSeparatelyGivenPipelinedLinesAtLimit()
    {
        Framing.AssertDecodesUnderEveryFraming(
            Text("SET key 12345678\r\nSET key 87654321\n"),
            [Words("SET", "key", "12345678"), Words("SET", "key", "87654321")],
            limits: Limits);
    }

    [Fact]
    public void AcceptsRespRequestGivenArgumentCountAtMaxArguments()
    {
        Framing.AssertDecodesUnderEveryFraming(Resp("DEL", "a", "b", "c"), [Words("DEL", "a", "b", "c")], limits: Limits);
    }

    [Fact]
    public void ReturnsInvalidMultibulkLengthGivenCountOneAboveMaxArgumentsWithoutArguments()
    {
        Framing.AssertDecodesUnderEveryFraming(Text("*5\r\n"), [], "invalid multibulk length", limits: Limits);
    }

    [Fact]
    public void AcceptsInlineRequestGivenWordCountAtMaxArguments()
    {
        Framing.AssertDecodesUnderEveryFraming(Text("DEL a b c\r\n"), [Words("DEL", "a", "b", "c")], limits: Limits);
    }

    [Fact]
    public void ReturnsProtocolErrorGivenInlineWordCountOneAboveMaxArguments()
    {
        Framing.AssertDecodesUnderEveryFraming(Text("DEL a b c d\r\n"), [], "too many arguments in inline request", limits: Limits);
    }

    [Theory]
    [InlineData('*', "invalid multibulk length")]
    [InlineData('$', "invalid bulk length")]
    public void ReadsHeaderLineGivenLineOfExactly64Kib(char prefix, string error)
    {
        // A 64 KiB line is read and judged as a number (which it is not); a byte more is refused unread.
        var header = prefix + new string('9', ProtocolLimits.MaxHeaderLength - 1) + "\r\n";
        var payload = Text(prefix == '*' ? header : "*1\r\n" + header);

        Framing.AssertDecodesUnderEveryFraming(payload, [], error);
    }

    [Theory]
    [InlineData('*', "too big mbulk count string")]
    [InlineData('$', "too big bulk count string")]
    public void ReturnsTooBigCountGivenHeaderLineOneAbove64Kib(char prefix, string error)
    {
        var header = prefix + new string('9', ProtocolLimits.MaxHeaderLength) + "\r\n";
        var payload = Text(prefix == '*' ? header : "*1\r\n" + header);

        Framing.AssertDecodesUnderEveryFraming(payload, [], error);
    }

    [Theory]
    [InlineData('*')]
    [InlineData('$')]
    public void WaitsForCrGivenHeaderOfExactly64KibWithoutCr(char prefix)
    {
        var header = prefix + new string('9', ProtocolLimits.MaxHeaderLength - 1);
        var payload = Text(prefix == '*' ? header : "*1\r\n" + header);

        Framing.AssertDecodes(payload, FramingMode.Whole, [], unconsumed: payload.Length);
        Framing.AssertDecodes(payload, FramingMode.ByteAtATime, [], unconsumed: payload.Length);
    }

    [Fact]
    public void ReturnsInvalidDataAtOnceGivenHeaderOverMaxBulkLength()
    {
        var reader = new RequestReader(Limits);
        var payload = Text("*1\r\n$11\r\n");

        var status = reader.TryRead(payload, 0, payload.Length, out _, out _);

        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal("invalid bulk length", reader.ProtocolError);
    }

    [Fact]
    public void UsesRedisDefaultsGivenDefaultLimits()
    {
        var limits = new ProtocolLimits();

        Assert.Equal(512L * 1024 * 1024, limits.MaxBulkLength);
        Assert.Equal(64 * 1024, ProtocolLimits.MaxHeaderLength);
        Assert.True(limits.MaxInlineLength >= 64 * 1024, "the inline limit must be at least Redis's PROTO_INLINE_MAX_SIZE");
        Assert.True(limits.MaxArguments > 0);
    }
}
