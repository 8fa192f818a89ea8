using System.Text;
using Redis.Application.Common;

namespace Redis.Application.Tests.Common;

public class GlobPatternTests
{
    /// <summary>Case-sensitive rows; each was checked with <c>KEYS</c> on redis-server 7.0.15.</summary>
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("**", "x", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a**b", "ab", true)]
    [InlineData("h?llo", "hello", true)]
    [InlineData("h?llo", "hllo", false)]
    [InlineData("?", "", false)]
    [InlineData("h*llo", "heeeello", true)]
    [InlineData("h*llo", "hello", true)]
    [InlineData("h*llo", "hellox", false)]
    [InlineData("h[ae]llo", "hallo", true)]
    [InlineData("h[ae]llo", "hillo", false)]
    [InlineData("h[^e]llo", "hallo", true)]
    [InlineData("h[^e]llo", "hello", false)]
    [InlineData("h[a-b]llo", "hbllo", true)]
    [InlineData("h[a-b]llo", "hcllo", false)]
    [InlineData("h[b-a]llo", "hbllo", true)]
    [InlineData(@"h\*llo", "h*llo", true)]
    [InlineData(@"h\*llo", "hello", false)]
    [InlineData(@"a\", @"a\", true)]
    [InlineData(@"[\]]", "]", true)]
    [InlineData("[abc", "a", true)]
    [InlineData("[abc", "ab", false)]
    [InlineData("*a*b*c*", "xaxbxcx", true)]
    [InlineData("*a*b*c*", "xaxcxbx", false)]
    [InlineData("hello", "Hello", false)]
    public void MatchesAsRedisStringMatchDoes(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, GlobPattern.IsMatch(Encoding.ASCII.GetBytes(pattern), Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    [InlineData("HELLO", "hello", true)]
    [InlineData("h?LLO", "Hello", true)]
    [InlineData("*MAX*", "maxmemory", true)]
    [InlineData("h[A-C]llo", "hbllo", true)]
    [InlineData("h[^A]llo", "hallo", false)]
    [InlineData("HELLO", "hellx", false)]
    public void IgnoresAsciiCaseGivenNoCase(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, GlobPattern.IsMatch(Encoding.ASCII.GetBytes(pattern), Encoding.ASCII.GetBytes(text), ignoreCase: true));
    }

    [Fact]
    public void RejectsTextMissingTheFinalLiteralGivenManyStars()
    {
        var pattern = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("*a", 6)) + "*b");

        Assert.False(GlobPattern.IsMatch(pattern, Encoding.ASCII.GetBytes(new string('a', 20))));
        Assert.True(GlobPattern.IsMatch(pattern, Encoding.ASCII.GetBytes(new string('a', 20) + "b")));
    }
}
