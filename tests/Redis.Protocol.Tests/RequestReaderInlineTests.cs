using static Redis.Protocol.Tests.RequestBytes;

namespace Redis.Protocol.Tests;

/// <summary>
/// Inline requests split into words as Redis's <c>sdssplitargs</c> does. Every row was checked against redis-server
/// 7.0.15 by sending <c>RPUSH l &lt;words&gt;</c> inline and reading the list back with <c>LRANGE</c>.
/// </summary>
public sealed class RequestReaderInlineTests
{
    [Theory]
    [InlineData(@"SET a b", new[] { "SET", "a", "b" })]
    [InlineData(@"SET a ""x\x41""", new[] { "SET", "a", "xA" })]
    [InlineData(@"SET a ""\x41\x42""", new[] { "SET", "a", "AB" })]
    [InlineData(@"SET a ""\x4a""", new[] { "SET", "a", "J" })]
    [InlineData(@"SET a ""\xff\x00""", new[] { "SET", "a", "\xff\0" })]
    [InlineData(@"SET a ""a b""", new[] { "SET", "a", "a b" })]
    [InlineData(@"SET a ""a\nb""", new[] { "SET", "a", "a\nb" })]
    [InlineData(@"SET a ""\r\t\b\a""", new[] { "SET", "a", "\r\t\b\a" })]
    [InlineData(@"SET a ""\""q\""""", new[] { "SET", "a", "\"q\"" })]
    [InlineData(@"SET a ""\\""", new[] { "SET", "a", "\\" })]
    [InlineData(@"SET a ""a\\""", new[] { "SET", "a", "a\\" })]
    [InlineData(@"SET a ""it's""", new[] { "SET", "a", "it's" })]

    // An unknown escape keeps the character; \X (capital) is not a hex escape; incomplete hex escapes stay literal.
    [InlineData(@"SET a ""\z""", new[] { "SET", "a", "z" })]
    [InlineData(@"SET a ""\X41""", new[] { "SET", "a", "X41" })]
    [InlineData(@"RPUSH l ""\xZZ"" ""\x4"" ""\x4G""", new[] { "RPUSH", "l", "xZZ", "x4", "x4G" })]
    [InlineData(@"SET a 'a b'", new[] { "SET", "a", "a b" })]
    [InlineData(@"SET a 'it\'s'", new[] { "SET", "a", "it's" })]

    // Single quotes know only \'; everything else, backslashes included, is literal.
    [InlineData(@"SET a 'no\nesc'", new[] { "SET", "a", @"no\nesc" })]
    [InlineData(@"SET a '\x41'", new[] { "SET", "a", @"\x41" })]
    [InlineData(@"SET a 'a\\b'", new[] { "SET", "a", @"a\\b" })]
    [InlineData(@"SET a 'say ""hi""'", new[] { "SET", "a", "say \"hi\"" })]
    [InlineData(@"SET a """"", new[] { "SET", "a", "" })]
    [InlineData(@"SET a ''", new[] { "SET", "a", "" })]
    [InlineData(@"""SET"" a ""b""", new[] { "SET", "a", "b" })]

    // A quote inside a word opens a quoted part of the same word; the closing quote must then be followed by a space.
    [InlineData(@"RPUSH l a""b c"" d", new[] { "RPUSH", "l", "ab c", "d" })]
    [InlineData("SET a \"a\"\tb", new[] { "SET", "a", "a", "b" })]
    [InlineData("SET a \"a\"\vb", new[] { "SET", "a", "a", "b" })]
    [InlineData(@"SET a ""a"" ", new[] { "SET", "a", "a" })]

    // Outside quotes a backslash is an ordinary byte.
    [InlineData(@"SET a x\ny", new[] { "SET", "a", @"x\ny" })]
    public void SplitsWordsLikeRedisGivenInlineLine(string line, string[] words)
    {
        foreach (var ending in new[] { "\r\n", "\n" })
        {
            Framing.AssertDecodesUnderEveryFraming(Text(line + ending), [Words(words)]);
        }
    }

    [Theory]
    [InlineData(@"SET a ""abc")]
    [InlineData(@"SET a 'abc")]
    [InlineData(@"SET a ""a""b")]
    [InlineData(@"SET a 'a'b")]
    [InlineData(@"SET a a""b c""d")]
    [InlineData(@"SET a ""a""""b""")]
    [InlineData(@"SET a 'a''b'")]
    [InlineData(@"SET a ""x\""")]
    [InlineData(@"SET a ""a\")]
    public void ReturnsUnbalancedQuotesGivenBadlyQuotedLine(string line)
    {
        foreach (var ending in new[] { "\r\n", "\n" })
        {
            Framing.AssertDecodesUnderEveryFraming(Text(line + ending), [], "unbalanced quotes in request");
        }
    }

    [Fact]
    public void DecodesCommandsBeforeTheBadLineGivenUnbalancedQuotesLater()
    {
        Framing.AssertDecodesUnderEveryFraming(
            Text("SET a b\r\nGET a\r\nSET a \"open\r\nPING\r\n"),
            [Words("SET", "a", "b"), Words("GET", "a")],
            "unbalanced quotes in request");
    }

    [Fact]
    public void EndsLineAtNulGivenNulOutsideQuotes()
    {
        // sdssplitargs reads the line as a C string, so nothing after a NUL is a word. (redis-server 7.0 itself never
        // answers such a line: its strchr search for the newline also stops at the NUL. This pins our chosen behaviour.)
        Framing.AssertDecodesUnderEveryFraming(Text("SET a\0b c\r\nPING\r\n"), [Words("SET", "a"), Words("PING")]);
    }
}
