using System.Text;
using Redis.Client.Input;
using Redis.Protocol;

namespace Redis.Client.Tests.Input;

/// <summary>Lines split as redis-cli's <c>cliSplitArgs</c> (Redis's <c>sdssplitargs</c>) splits them.</summary>
public class InlineSplitterTests
{
    [Theory]
    [InlineData("SET greeting \"hello world\"", new[] { "SET", "greeting", "hello world" })]
    [InlineData("  get    spaced\tkey  ", new[] { "get", "spaced", "key" })]
    [InlineData("set g \"hello\\x41 world\\n\"", new[] { "set", "g", "helloA world\n" })]
    [InlineData("set g \"tab\\there \\\"quoted\\\" back\\\\slash\"", new[] { "set", "g", "tab\there \"quoted\" back\\slash" })]
    [InlineData("set s 'it\\'s'", new[] { "set", "s", "it's" })]
    [InlineData("set s 'no \\n escapes \"here\"'", new[] { "set", "s", "no \\n escapes \"here\"" })]
    [InlineData("set empty \"\"", new[] { "set", "empty", "" })]
    [InlineData("*3 $3", new[] { "*3", "$3" })]
    [InlineData("set k é", new[] { "set", "k", "é" })]
    [InlineData("a\"b c\"", new[] { "ab c" })]
    public void SplitsLikeRedisCli(string line, string[] expected)
    {
        Assert.True(new InlineSplitter().TrySplit(Encoding.UTF8.GetBytes(line), out var words));
        Assert.Equal(expected, words.ToArrays().Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public void DecodesHexEscapesToAnyByte()
    {
        Assert.True(new InlineSplitter().TrySplit("set k \"\\x00\\xff\\r\""u8, out var words));
        Assert.Equal(new byte[] { 0, 0xff, 13 }, words[2].ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t  ")]
    public void ReturnsNoWordsForABlankLine(string line)
    {
        Assert.True(new InlineSplitter().TrySplit(Encoding.UTF8.GetBytes(line), out var words));
        Assert.Equal(0, words.Count);
    }

    [Theory]
    [InlineData("set q \"unbalanced")]
    [InlineData("set q 'unbalanced")]
    [InlineData("set q \"closed\"but-not-separated")]
    [InlineData("set q 'closed'x")]
    public void RefusesUnbalancedQuotes(string line)
    {
        Assert.False(new InlineSplitter().TrySplit(Encoding.UTF8.GetBytes(line), out _));
    }

    [Fact]
    public void SplitsAgainAfterARefusedLine()
    {
        var splitter = new InlineSplitter();

        Assert.False(splitter.TrySplit("get \"a"u8, out _));
        Assert.True(splitter.TrySplit("get a"u8, out var words));
        Assert.Equal(["get", "a"], words.ToArrays().Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public void KeepsItsWordsWhenSplittingTheNextLine()
    {
        var splitter = new InlineSplitter();

        Assert.True(splitter.TrySplit("set first line"u8, out var first));
        Assert.True(splitter.TrySplit("get other"u8, out _));

        Assert.Equal(["set", "first", "line"], first.ToArrays().Select(Encoding.UTF8.GetString));
    }
}
