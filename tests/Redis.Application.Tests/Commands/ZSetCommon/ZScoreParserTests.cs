using System.Text;
using Redis.Application.Commands.ZSetCommon;

namespace Redis.Application.Tests.Commands.ZSetCommon;

/// <summary>Scores follow strtod with string2d's checks; range bounds follow zslParseRange's looser ones.</summary>
public class ZScoreParserTests
{
    [Theory]
    [InlineData("1", 1d)]
    [InlineData("-2.5", -2.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5d)]
    [InlineData("+1e3", 1000d)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-INF", double.NegativeInfinity)]
    [InlineData("+infinity", double.PositiveInfinity)]
    [InlineData("0x10", 16d)]
    [InlineData("0x1p-2", 0.25)]
    [InlineData("4.9e-324", 4.9e-324)]
    public void AcceptsWhatStrtodReads(string text, double expected)
    {
        Assert.True(ZScoreParser.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("nan")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    [InlineData("1e")]
    [InlineData("abc")]
    [InlineData("0x")]
    public void RefusesWhatString2dRefuses(string text) =>
        Assert.False(ZScoreParser.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("", 0d)]
    [InlineData(" 2", 2d)]
    [InlineData("1e400", double.PositiveInfinity)]
    public void RangeBoundsAcceptSpacesEmptyAndOverflow(string text, double expected)
    {
        Assert.True(ZScoreParser.TryParseBound(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("nan")]
    [InlineData("1x")]
    public void RangeBoundsRefuseNaNAndTrailingText(string text) =>
        Assert.False(ZScoreParser.TryParseBound(Encoding.ASCII.GetBytes(text), out _));
}
