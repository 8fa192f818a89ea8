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

        Assert.Equal(ReplyKind.Array, reply.Kind);
        Assert.Equal(14, reply.Items.Count);
    }

    [Theory]
    [InlineData("HELLO 2 AUTH default anything", true)]
    [InlineData("HELLO 2 AUTH nosuchuser pass", false)]
    public async Task AcceptsTheDefaultUserWithAnyPasswordWithoutAPassword(string request, bool accepted)
    {
        var subject = Create(TestSettings.None);

        var reply = await Handle(subject, request);

        Assert.Equal(accepted ? ReplyKind.Array : ReplyKind.Error, reply.Kind);
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

        Assert.Equal(ReplyKind.Array, reply.Kind);
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
