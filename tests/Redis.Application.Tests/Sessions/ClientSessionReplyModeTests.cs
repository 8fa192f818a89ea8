using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Sessions;

/// <summary><c>CLIENT REPLY</c>'s effect on which replies are sent, checked against redis-server 7.0.15's wire output.</summary>
public class ClientSessionReplyModeTests
{
    [Fact]
    public void SkipDropsItsOwnReplyAndTheNextOnly()
    {
        var session = TestSessions.Open();

        session.ReplySkip();
        Assert.False(session.CompleteReply());
        Assert.False(session.CompleteReply());
        Assert.True(session.CompleteReply());
    }

    [Fact]
    public void OffDropsEveryReplyUntilOnWhoseOkIsSent()
    {
        var session = TestSessions.Open();

        session.ReplyOff();
        Assert.False(session.CompleteReply());
        Assert.False(session.CompleteReply());
        session.ReplySkip();
        Assert.False(session.CompleteReply());
        session.ReplyOn();
        Assert.True(session.CompleteReply());
        Assert.True(session.CompleteReply());
    }

    [Fact]
    public void SkipWhileSkippedSkipsTheCommandAfterToo()
    {
        var session = TestSessions.Open();

        session.ReplySkip();
        Assert.False(session.CompleteReply());
        session.ReplySkip();
        Assert.False(session.CompleteReply());
        Assert.False(session.CompleteReply());
        Assert.True(session.CompleteReply());
    }
}
