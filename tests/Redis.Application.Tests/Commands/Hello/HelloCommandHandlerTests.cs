using Redis.Application.Commands.Hello;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Hello;

public class HelloCommandHandlerTests
{
    private readonly ServerStatistics _statistics = new() { ConnectionsReceived = 1 };

    [Fact]
    public async Task AnswersTheServerPropertiesWithoutAPassword()
    {
        var (handler, _) = Create(TestSettings.None);

        var reply = await Handle(handler, "HELLO 2");

        Assert.Equal(ReplyKind.Array, reply.Kind);
        Assert.Equal(14, reply.Items.Count);
    }

    [Theory]
    [InlineData("HELLO 2 AUTH default anything", true)]
    [InlineData("HELLO 2 AUTH nosuchuser pass", false)]
    public async Task AcceptsTheDefaultUserWithAnyPasswordWithoutAPassword(string request, bool accepted)
    {
        var (handler, _) = Create(TestSettings.None);

        var reply = await Handle(handler, request);

        Assert.Equal(accepted ? ReplyKind.Array : ReplyKind.Error, reply.Kind);
    }

    [Theory]
    [InlineData("HELLO")]
    [InlineData("HELLO 2")]
    [InlineData("HELLO 2 SETNAME n")]
    public async Task RefusesAnUnauthenticatedConnectionWithRedisText(string request)
    {
        var (handler, _) = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(handler, request);

        Assert.Equal(
            "NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> " +
            "option can be used to authenticate the client and select the RESP protocol version at the same time",
            Binding.ErrorText(reply));
    }

    [Fact]
    public async Task AuthenticatesWithTheRightPassword()
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(handler, "HELLO 2 AUTH default secret SETNAME app");

        Assert.Equal(ReplyKind.Array, reply.Kind);
        Assert.True(client.IsAuthenticated);
        Assert.Equal("app"u8.ToArray(), client.Name);
    }

    [Fact]
    public async Task AppliesOptionsBeforeAFailedAuthInOrder()
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(handler, "HELLO 2 SETNAME early AUTH default wrong SETNAME late");

        Assert.Equal(Errors.WrongPass, reply);
        Assert.False(client.IsAuthenticated);
        Assert.Equal("early"u8.ToArray(), client.Name);
    }

    [Fact]
    public async Task ReportsAnUnknownOptionBeforeAskingForAuthentication()
    {
        var (handler, _) = Create(TestSettings.WithPassword("secret"));

        var reply = await Handle(handler, "HELLO 2 foo");

        Assert.Equal("ERR Syntax error in HELLO option 'foo'", Binding.ErrorText(reply));
    }

    private (HelloCommandHandler Handler, ClientConnection Client) Create(TestSettings settings)
    {
        var client = new ClientConnection(_statistics, new DefaultUser(settings));
        return (new HelloCommandHandler(client), client);
    }

    private static ValueTask<Reply> Handle(HelloCommandHandler handler, string request) =>
        handler.Handle(new HelloCommandBinder().Bind(request).AssertCommand<HelloCommand>(), CancellationToken.None);
}
