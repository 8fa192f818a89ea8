using Redis.Application.Commands.Auth;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Auth;

public class AuthCommandHandlerTests
{
    private const string WrongPass = "WRONGPASS invalid username-password pair or user is disabled.";

    private readonly ServerStatistics _statistics = new() { ConnectionsReceived = 1 };

    [Fact]
    public async Task RefusesThePasswordAloneWhenNoneIsConfigured()
    {
        var (handler, _) = Create(TestSettings.None);

        var reply = await handler.Handle(new AuthCommand(null, Bytes("anything")), CancellationToken.None);

        Assert.Equal(
            "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?",
            Binding.ErrorText(reply));
    }

    [Theory]
    [InlineData("default", "anything", true)]
    [InlineData("default", "", true)]
    [InlineData("DEFAULT", "anything", false)]
    [InlineData("bob", "anything", false)]
    public async Task AcceptsOnlyTheDefaultUserWithAnyPasswordWhenNoneIsConfigured(string user, string password, bool accepted)
    {
        var (handler, _) = Create(TestSettings.None);

        var reply = await handler.Handle(new AuthCommand(Bytes(user), Bytes(password)), CancellationToken.None);

        Assert.Equal(accepted ? Reply.Ok : Errors.WrongPass, reply);
    }

    [Theory]
    [InlineData(null, "secret", true)]
    [InlineData("default", "secret", true)]
    [InlineData(null, "Secret", false)]
    [InlineData(null, "secret ", false)]
    [InlineData(null, "", false)]
    [InlineData("default", "wrong", false)]
    [InlineData("DEFAULT", "secret", false)]
    [InlineData("bob", "secret", false)]
    public async Task AuthenticatesOnlyWithTheDefaultUserAndItsPassword(string? user, string password, bool accepted)
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));
        Assert.False(client.IsAuthenticated);

        var reply = await handler.Handle(new AuthCommand(user is null ? (ReadOnlyMemory<byte>?)null : Bytes(user), Bytes(password)), CancellationToken.None);

        Assert.Equal(accepted ? "+OK" : WrongPass, accepted ? reply.ToString() : Binding.ErrorText(reply));
        Assert.Equal(accepted, client.IsAuthenticated);
    }

    [Fact]
    public async Task StaysAuthenticatedAfterALaterWrongPassword()
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));
        await handler.Handle(new AuthCommand(null, Bytes("secret")), CancellationToken.None);

        var reply = await handler.Handle(new AuthCommand(null, Bytes("wrong")), CancellationToken.None);

        Assert.Equal(Errors.WrongPass, reply);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task ANewConnectionStartsUnauthenticated()
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));
        await handler.Handle(new AuthCommand(null, Bytes("secret")), CancellationToken.None);
        Assert.True(client.IsAuthenticated);

        _statistics.ConnectionsReceived++;

        Assert.False(client.IsAuthenticated);
    }

    private (AuthCommandHandler Handler, ClientConnection Client) Create(TestSettings settings)
    {
        var user = new DefaultUser(settings);
        var client = new ClientConnection(_statistics, user);
        return (new AuthCommandHandler(client, user), client);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Binding.Bytes(text);
}
