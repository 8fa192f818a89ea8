using Redis.Application.Commands.Auth;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Auth;

public class AuthCommandHandlerTests
{
    private const string WrongPass = "WRONGPASS invalid username-password pair or user is disabled.";

    [Fact]
    public async Task RefusesThePasswordAloneWhenNoneIsConfigured()
    {
        var (handler, client) = Create(TestSettings.None);

        var reply = await handler.Handle(new AuthCommand(client, null, Bytes("anything")), CancellationToken.None);

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
        var (handler, client) = Create(TestSettings.None);

        var reply = await handler.Handle(new AuthCommand(client, Bytes(user), Bytes(password)), CancellationToken.None);

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

        var reply = await handler.Handle(new AuthCommand(client, user is null ? (ReadOnlyMemory<byte>?)null : Bytes(user), Bytes(password)), CancellationToken.None);

        Assert.Equal(accepted ? "+OK" : WrongPass, accepted ? reply.ToString() : Binding.ErrorText(reply));
        Assert.Equal(accepted, client.IsAuthenticated);
    }

    [Fact]
    public async Task StaysAuthenticatedAfterALaterWrongPassword()
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));
        await handler.Handle(new AuthCommand(client, null, Bytes("secret")), CancellationToken.None);

        var reply = await handler.Handle(new AuthCommand(client, null, Bytes("wrong")), CancellationToken.None);

        Assert.Equal(Errors.WrongPass, reply);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task ANewConnectionStartsUnauthenticated()
    {
        var (handler, client) = Create(TestSettings.WithPassword("secret"));
        await handler.Handle(new AuthCommand(client, null, Bytes("secret")), CancellationToken.None);
        Assert.True(client.IsAuthenticated);

        var next = TestSessions.Open(TestSettings.WithPassword("secret"));

        Assert.False(next.IsAuthenticated);
    }

    private static (AuthCommandHandler Handler, ClientSession Client) Create(TestSettings settings) =>
        (new AuthCommandHandler(new DefaultUser(settings)), TestSessions.Open(settings));

    private static ReadOnlyMemory<byte> Bytes(string text) => Binding.Bytes(text);
}
