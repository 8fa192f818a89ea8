using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Routing;

/// <summary>Redis's <c>processCommand</c> rule for a RESP2 subscriber, and what it leaves alone.</summary>
public class CommandRouterSubscriberModeTests
{
    private const string Rule = "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";
    private readonly TransactionRouter _router = new();

    [Theory]
    [InlineData("GET k", "get")]
    [InlineData("PUBLISH c m", "publish")]
    [InlineData("CLIENT LIST", "client|list")]
    [InlineData("MULTI", "multi")]
    public void RefusesOtherCommandsNamingThemByTheirFullName(string request, string name)
    {
        var session = _router.Sessions.Open(null, null);
        _router.Run(session, "SUBSCRIBE c");

        var reply = _router.Run(session, request);

        Assert.Equal(Reply.Error($"ERR Can't execute '{name}': {Rule}"), reply);
    }

    [Fact]
    public void ChecksNameArityAndSubcommandFirst()
    {
        var session = _router.Sessions.Open(null, null);
        _router.Run(session, "SUBSCRIBE c");

        Assert.Equal(Reply.Error("ERR wrong number of arguments for 'get' command"), _router.Run(session, "GET"));
        Assert.Equal(Reply.Error("ERR unknown subcommand 'foo'. Try CLIENT HELP."), _router.Run(session, "CLIENT foo"));
    }

    [Fact]
    public void AnswersPingWithItsPubSubFormAndLetsSubscriptionCommandsRun()
    {
        var session = _router.Sessions.Open(null, null);
        _router.Run(session, "PSUBSCRIBE p*");

        Assert.Equal(Reply.Array([Reply.Bulk("pong"), Reply.Bulk(string.Empty)]), _router.Run(session, "PING"));
        Assert.Equal(Reply.Array([Reply.Bulk("pong"), Reply.Bulk("hi")]), _router.Run(session, "PING hi"));
        Assert.Equal(ReplyKind.Pushes, _router.Run(session, "UNSUBSCRIBE").Kind);
        _router.Run(session, "PUNSUBSCRIBE");
        Assert.Equal(Reply.Pong, _router.Run(session, "PING"));
        Assert.Equal(Reply.Nil, _router.Run(session, "GET k"));
    }

    [Fact]
    public void LetsAResp3SubscriberRunAnything()
    {
        var session = _router.Sessions.Open(null, null);
        session.Protocol = RespVersion.Resp3;
        _router.Run(session, "SUBSCRIBE c");

        Assert.Equal(Reply.Nil, _router.Run(session, "GET k"));
        Assert.Equal(Reply.Pong, _router.Run(session, "PING"));
        Assert.Equal(Reply.One, _router.Run(session, "PUBLISH c m"));
    }

    [Fact]
    public void RunsSubscribeQueuedInsideMultiAtExecWithItsConfirmationsInTheArray()
    {
        var session = _router.Sessions.Open(null, null);
        _router.Run(session, "MULTI");
        Assert.Equal(Reply.Queued, _router.Run(session, "SUBSCRIBE a b"));
        Assert.Equal(Reply.Queued, _router.Run(session, "PUBLISH a m"));
        Assert.Equal(Reply.Queued, _router.Run(session, "PING"));

        var exec = _router.Run(session, "EXEC");

        Assert.Equal(3, exec.Items.Count);
        Assert.Equal(ReplyKind.Pushes, exec.Items[0].Kind);
        Assert.Equal(Reply.One, exec.Items[1]);
        Assert.Equal(Reply.Array([Reply.Bulk("pong"), Reply.Bulk(string.Empty)]), exec.Items[2]);
        Assert.True(session.InSubscriberMode);
    }
}
