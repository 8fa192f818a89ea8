using Redis.Application.Common;
using Redis.Protocol;

namespace Redis.Application.Tests.Common;

public class ErrorStatisticsTests
{
    private readonly ErrorStatistics _errors = new();

    [Fact]
    public void CountsEachErrorUnderItsFirstWordInCodeOrder()
    {
        _errors.Count(Reply.Error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        _errors.Count(Reply.Error("ERR syntax error"));
        _errors.Count(Reply.Error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        _errors.Count(Reply.Ok);

        Assert.Equal(3, _errors.Total);
        Assert.Equal([("ERR", 1L), ("WRONGTYPE", 2L)], _errors.Codes);
    }

    [Fact]
    public void CountsUnderErrWhenNoSpaceEndsTheCodeWithinThirtyTwoBytes()
    {
        // afterErrorReply looks for the space in the first 32 bytes of "-CODE message": a code of 30 characters is
        // the longest that is kept.
        var longest = new string('A', 30);
        _errors.Count(Reply.Error(longest + " message"));
        _errors.Count(Reply.Error(new string('B', 31) + " message"));
        _errors.Count(Reply.Error("NOSPACE"));

        Assert.Equal([(longest, 1L), ("ERR", 2L)], _errors.Codes);
    }

    [Fact]
    public void CountedSinceLastCallTellsWhetherAnErrorCameSinceItWasLastAsked()
    {
        _errors.CountedSinceLastCall();
        Assert.False(_errors.CountedSinceLastCall());

        _errors.Count(Reply.Error("ERR x"));

        Assert.True(_errors.CountedSinceLastCall());
        Assert.False(_errors.CountedSinceLastCall());
    }

    [Fact]
    public void ResetForgetsTheCodesAndTheTotal()
    {
        _errors.Count(Reply.Error("ERR x"));

        _errors.Reset();

        Assert.Equal(0, _errors.Total);
        Assert.Empty(_errors.Codes);
        Assert.False(_errors.CountedSinceLastCall());
    }
}
