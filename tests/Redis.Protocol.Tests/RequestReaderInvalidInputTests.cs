using static Redis.Protocol.Tests.RequestBytes;

namespace Redis.Protocol.Tests;

/// <summary>
/// Malformed requests get Redis's protocol error text, however the bytes arrive. Unless a row says otherwise, the
/// text was checked against redis-server 7.0.15 (<c>-ERR Protocol error: &lt;text&gt;</c>).
/// </summary>
public sealed class RequestReaderInvalidInputTests
{
    private const string TooBigInline = "too big inline request";

    [Theory]
    // The count is not a number.
    [InlineData("*abc\r\n", "invalid multibulk length")]
    // The count is empty.
    [InlineData("*\r\n", "invalid multibulk length")]
    // string2ll refuses leading zeros.
    [InlineData("*01\r\n", "invalid multibulk length")]
    // string2ll refuses a plus sign.
    [InlineData("*+1\r\n", "invalid multibulk length")]
    // string2ll refuses "-0" (whereas *-1 is an empty request, skipped).
    [InlineData("*-0\r\n", "invalid multibulk length")]
    // Spaces are not part of a number, before or after it.
    [InlineData("* 1\r\n", "invalid multibulk length")]
    [InlineData("*1 \r\n", "invalid multibulk length")]
    // Not an integer.
    [InlineData("*1.5\r\n", "invalid multibulk length")]
    // Overflows a 64-bit integer.
    [InlineData("*9223372036854775808\r\n", "invalid multibulk length")]
    // Above the argument limit (Redis: INT_MAX; ours is lower, so this also holds with defaults).
    [InlineData("*2147483648\r\n", "invalid multibulk length")]
    // A lone LF does not end a header line: the digits run on into "\n", which is not a number.
    [InlineData("*1\n\r\n$4\r\nPING\r\n", "invalid multibulk length")]
    // Only bulk strings may follow the count: a simple string is not one.
    [InlineData("*1\r\n+PING\r\n", "expected '$', got '+'")]
    // Nor is an integer.
    [InlineData("*1\r\n:1\r\n", "expected '$', got ':'")]
    // Nor a nested array.
    [InlineData("*1\r\n*1\r\n$4\r\nPING\r\n", "expected '$', got '*'")]
    // A bare word where the second bulk header belongs.
    [InlineData("*2\r\n$3\r\nGET\r\nfoo\r\n", "expected '$', got 'f'")]
    // An empty line where a bulk header belongs; the CR is shown as a space, as Redis cleans every error text.
    [InlineData("*1\r\n\r\n", "expected '$', got ' '")]
    // A line starting with LF; shown as a space too.
    [InlineData("*1\r\n\n\r\n", "expected '$', got ' '")]
    // A tab is shown as itself: Redis replaces only CR and LF in error texts.
    [InlineData("*1\r\n\t\r\n", "expected '$', got '\t'")]
    // A byte above 0x7f becomes the Latin-1 char of that byte. (redis-server sends the raw byte 0xFF; Reply.Error then
    // encodes this char as UTF-8, C3 BF, so the wire bytes differ.)
    [InlineData("*1\r\n\xff\r\n", "expected '$', got '\u00ff'")]
    // A bulk longer than announced: after "a" and two skipped bytes, "\r\n" stands where the next header belongs.
    [InlineData("*2\r\n$1\r\nabc\r\n", "expected '$', got ' '")]
    // A negative bulk length.
    [InlineData("*1\r\n$-5\r\n", "invalid bulk length")]
    // A null bulk is a reply, never part of a request.
    [InlineData("*1\r\n$-1\r\n", "invalid bulk length")]
    // The length is not a number, is empty, or breaks string2ll's rules.
    [InlineData("*1\r\n$abc\r\n", "invalid bulk length")]
    [InlineData("*1\r\n$\r\n", "invalid bulk length")]
    [InlineData("*1\r\n$01\r\n", "invalid bulk length")]
    [InlineData("*1\r\n$+1\r\n", "invalid bulk length")]
    [InlineData("*1\r\n$-0\r\n", "invalid bulk length")]
    [InlineData("*1\r\n$ 1\r\n", "invalid bulk length")]
    // Overflows a 64-bit integer.
    [InlineData("*1\r\n$99999999999999999999\r\n", "invalid bulk length")]
    // One byte above proto-max-bulk-len (512 MiB): refused at the header, before any of the body.
    [InlineData("*1\r\n$536870913\r\n", "invalid bulk length")]
    // The error comes from the second bulk: the first argument being valid changes nothing.
    [InlineData("*2\r\n$3\r\nGET\r\n$x\r\n", "invalid bulk length")]
    // A double-quoted argument that never closes.
    [InlineData("SET a \"abc\r\n", "unbalanced quotes in request")]
    // A single-quoted argument that never closes.
    [InlineData("SET a 'abc\r\n", "unbalanced quotes in request")]
    // A closing quote followed by something other than a space.
    [InlineData("\"a\"b\r\n", "unbalanced quotes in request")]
    // An escaped quote does not close the argument.
    [InlineData("SET a \"x\\\"\r\n", "unbalanced quotes in request")]
    public void ReturnsProtocolErrorGivenMalformedRequest(string payload, string error)
    {
        Framing.AssertDecodesUnderEveryFraming(Text(payload), [], error);
    }

    [Fact]
    public void DecodesEarlierCommandsThenFailsGivenBadRequestLaterInStream()
    {
        var payload = Concat(Resp("SET", "k", "v"), Text("PING\r\n"), Text("*1\r\n$x\r\n"), Resp("GET", "k"));

        Framing.AssertDecodesUnderEveryFraming(payload, [Words("SET", "k", "v"), Words("PING")], "invalid bulk length");
    }

    [Fact]
    public void ReturnsTooBigMbulkCountGivenCountLineOver64KibWithoutCr()
    {
        // Stops a client from streaming a header forever: 64 KiB without a CR is refused before the CR ever arrives.
        Framing.AssertDecodesUnderEveryFraming(Text("*" + new string('1', 70_000)), [], "too big mbulk count string");
    }

    [Fact]
    public void ReturnsTooBigBulkCountGivenBulkHeaderOver64KibWithoutCr()
    {
        Framing.AssertDecodesUnderEveryFraming(Text("*1\r\n$" + new string('1', 70_000)), [], "too big bulk count string");
    }

    [Fact]
    public void ReturnsTooBigBulkCountGivenOver64KibLineWhereBulkHeaderBelongs()
    {
        // redis-server answers "expected '$', got 'x'" when the whole line arrives in one read, and "too big bulk count
        // string" when it trickles in; the reader gives the second whatever the framing, so the outcome never depends on
        // how the network cut the bytes.
        Framing.AssertDecodesUnderEveryFraming(Text("*1\r\n" + new string('x', 70_000) + "\r\n"), [], "too big bulk count string");
    }

    [Fact]
    public void ReturnsTooBigInlineGivenLineOverLimitWithoutNewline()
    {
        var limit = new ProtocolLimits().MaxInlineLength;

        Framing.AssertDecodes(Text(new string('A', limit + 1)), FramingMode.Whole, [], TooBigInline);
        Framing.AssertDecodes(Text(new string('A', limit + 1)), FramingMode.ByteAtATime, [], TooBigInline);
    }
}
