using Redis.Application.Commands.Hello;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Hello;

public class HelloCommandHandlerTests
{
    [Fact]
    public async Task AnswersTheServerPropertiesWithoutAPassword()
    {
        var subject = Create(TestSettings.None);

        var reply = await Handle(subject, "HELLO 2");

        Assert.Equal(ReplyKind.Map, reply.Kind);
        Assert.Equal(
            Reply.Map(
            [
                Reply.Bulk("server"), Reply.Bulk("redis"), Reply.Bulk("version"), Reply.Bulk("7.0.15"),
                Reply.Bulk("proto"), Reply.Integer(2), Reply.Bulk("id"), Reply.Integer(subject.Client.Id),
                Reply.Bulk("mode"), Reply.Bulk("standalone"), Reply.Bulk("role"), Reply.Bulk("master"),
                Reply.Bulk("modules"), Reply.EmptyArray,
            ]),
            reply);
    }

    [Theory]
    [InlineData("HELLO 3", RespVersion.Resp3)]
    [InlineData("HELLO 3 SETNAME app", RespVersion.Resp3)]
    [InlineData("HELLO", RespVersion.Resp2)]
    public async Task SwitchesTheProtocolAndNamesItInTheReply(string request, RespVersion expected)
    {
        var subject = Create(TestSettings.None);

        var reply = await Handle(subject, request);

        Assert.Equal(expected, subject.Client.Protocol);
        Assert.Equal(Reply.Integer((long)expected), reply.Items[5]);
    }

    [Theory]
    [InlineData("HELLO", RespVersion.Resp3)]
    [InlineData("HELLO 2", RespVersion.Resp2)]
    public async Task KeepsOrSwitchesBackGivenResp3Connection(string request, RespVersion expected)
    {
        var subject = Create(TestSettings.None);
        await Handle(subject, "HELLO 3");

        await Handle(subject, request);

        Assert.Equal(expected, subject.Client.Protocol);
    }

    [Theory]
    [InlineData("HELLO 3")]
    [InlineData("HELLO 3 SETNAME n")]
    [InlineData("HELLO 3 AUTH default wrong")]
    [InlineData("HELLO 3 foo")]
    public async Task StaysOnResp2GivenRefusedHello(string request)
    {
        var subject = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(subject, request);

        Assert.True(reply.IsError);
        Assert.Equal(RespVersion.Resp2, subject.Client.Protocol);
    }

    [Theory]
    [InlineData("HELLO 2 AUTH default anything", true)]
    [InlineData("HELLO 2 AUTH nosuchuser pass", false)]
    public async Task AcceptsTheDefaultUserWithAnyPasswordWithoutAPassword(string request, bool accepted)
    {
        var subject = Create(TestSettings.None);

        var reply = await Handle(subject, request);

        Assert.Equal(accepted ? ReplyKind.Map : ReplyKind.Error, reply.Kind);
    }

    [Theory]
    [InlineData("HELLO")]
    [InlineData("HELLO 2")]
    [InlineData("HELLO 2 SETNAME n")]
    public async Task RefusesAnUnauthenticatedConnectionWithRedisText(string request)
    {
        var subject = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(subject, request);

        Assert.Equal(
            "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> " +
            "option can be used to authenticate the client and select the RESP protocol version at the same time",
            Binding.ErrorText(reply));
    }

    [Fact]
    public async Task AuthenticatesWithTheRightPassword()
    {
        var subject = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(subject, "HELLO 2 AUTH default secret SETNAME app");

        Assert.Equal(ReplyKind.Map, reply.Kind);
        Assert.True(subject.Client.IsAuthenticated);
        Assert.Equal("app"u8.ToArray(), subject.Client.Name);
    }

    [Fact]
    public async Task AppliesOptionsBeforeAFailedAuthInOrder()
    {
        var subject = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(subject, "HELLO 2 SETNAME early AUTH default wrong SETNAME late");

        Assert.Equal(Errors.WrongPass, reply);
        Assert.False(subject.Client.IsAuthenticated);
        Assert.Equal("early"u8.ToArray(), subject.Client.Name);
    }

    [Fact]
    public async Task ReportsAnUnknownOptionBeforeAskingForAuthentication()
    {
        var subject = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(subject, "HELLO 2 foo");

        Assert.Equal("ERR Syntax error in HELLO option 'foo'", Binding.ErrorText(reply));
    }

    private static (HelloCommandHandler Handler, ClientSession Client) Create(TestSettings settings) =>
        (new HelloCommandHandler(new DefaultUser(settings)), TestSessions.Open(settings));

    private static ValueTask<Reply> Handle((HelloCommandHandler Handler, ClientSession Client) subject, string request) =>
        subject.Handler.Handle(new HelloCommandBinder().Bind(request, subject.Client).AssertCommand<HelloCommand>(), CancellationToken.None);
}
