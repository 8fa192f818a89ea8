using Redis.Application.Commands.Reset;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Reset;

public sealed class ResetCommandHandlerTests
{
    [Fact]
    public async Task ClearsTheConnectionStateAndAnswersReset()
    {
        var settings = TestSettings.WithPassword("secret");
        var session = TestSessions.Open(settings);
        session.Authenticate();
        session.Name = "n"u8.ToArray();
        session.Database = 3;
        session.Protocol = RespVersion.Resp3;
        session.ReplyOff();
        session.Transaction.Watch(new Keyspace(), "k"u8, 0);
        session.Transaction.Begin();
        var pubSub = new PubSubRegistry();
        pubSub.Subscribe(session, ["news"u8.ToArray()]);
        pubSub.PSubscribe(session, ["n*"u8.ToArray()]);

        var reply = await new ResetCommandHandler(new DefaultUser(settings), pubSub).Handle(new ResetCommand(session), CancellationToken.None);

        Assert.Equal(Reply.Simple("RESET"), reply);
        Assert.False(session.Transaction.InMulti);
        Assert.Null(session.Name);
        Assert.Equal(0, session.Database);
        Assert.Equal(RespVersion.Resp2, session.Protocol);
        Assert.False(session.IsAuthenticated);
        Assert.True(session.CompleteReply());
        Assert.False(session.IsSubscriber);
        Assert.Equal(0, pubSub.ChannelCount);
        Assert.Equal(0, pubSub.PatternCount);
    }

    [Fact]
    public async Task StaysAuthenticatedWithoutAPassword()
    {
        var session = TestSessions.Open();
        await new ResetCommandHandler(new DefaultUser(TestSettings.None), new PubSubRegistry()).Handle(new ResetCommand(session), CancellationToken.None);

        Assert.True(session.IsAuthenticated);
    }
}
