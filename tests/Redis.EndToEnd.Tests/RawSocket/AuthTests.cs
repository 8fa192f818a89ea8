using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// With <c>requirepass</c> set: the NOAUTH gate, AUTH and HELLO AUTH, over RESP and inline requests. Every expected
/// byte was read from redis-server 7.0.15 started with <c>--requirepass</c>.
/// </summary>
public abstract class AuthTests(ServerFixture server)
{
    public sealed class Blocking(PasswordServerFixture<BlockingTransport> server) : AuthTests(server), IClassFixture<PasswordServerFixture<BlockingTransport>>;

    public sealed class EventLoop(PasswordServerFixture<EventLoopTransport> server) : AuthTests(server), IClassFixture<PasswordServerFixture<EventLoopTransport>>;

    private const string NoAuth = "-NOAUTH Authentication required.\r\n";
    private const string WrongPass = "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
    private const string Password = PasswordServerFixture.Password;

    [Theory]
    [InlineData("GET", "k")]
    [InlineData("SET", "k", "v")]
    [InlineData("PING")]
    [InlineData("COMMAND")]
    [InlineData("CONFIG", "GET", "requirepass")]
    [InlineData("CLIENT", "ID")]
    [InlineData("SELECT", "1")]
    public void RefusesCommandsUntilAuthenticated(params string[] command)
    {
        using var client = server.Connect();

        Assert.Equal(NoAuth, client.Call(command));
        Assert.Equal("+PONG\r\n", Authenticated(client).Call("PING"));
    }

    [Theory]
    [InlineData(new[] { "FOO", "a" }, "-ERR unknown command 'FOO', with args beginning with: 'a' \r\n")]
    [InlineData(new[] { "GET" }, "-ERR wrong number of arguments for 'get' command\r\n")]
    [InlineData(new[] { "CLIENT", "FOO" }, "-ERR unknown subcommand 'FOO'. Try CLIENT HELP.\r\n")]
    [InlineData(new[] { "CONFIG", "GET" }, "-ERR wrong number of arguments for 'config|get' command\r\n")]
    [InlineData(new[] { "AUTH" }, "-ERR wrong number of arguments for 'auth' command\r\n")]
    [InlineData(new[] { "AUTH", "a", "b", "c" }, "-ERR syntax error\r\n")]
    public void ReportsNameAndArityErrorsBeforeNoAuth(string[] command, string expected)
    {
        using var client = server.Connect();

        Assert.Equal(expected, client.Call(command));
    }

    [Fact]
    public void RefusesInlineRequestsUntilAuthenticated()
    {
        using var client = server.Connect();

        client.Send($"GET k\r\nAUTH wrong\r\nAUTH \"{Password}\"\r\nGET k\n");

        Assert.Equal(NoAuth, client.ReadReplyText());
        Assert.Equal(WrongPass, client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("$-1\r\n", client.ReadReplyText());
    }

    [Fact]
    public void AnswersEachPipelinedRequestByTheStateItMeets()
    {
        using var client = server.Connect();

        client.Send([.. Resp.Command("SET", "auth:k", "v"), .. Resp.Command("AUTH", Password), .. Resp.Command("SET", "auth:k", "v"), .. Resp.Command("GET", "auth:k")]);

        Assert.Equal(NoAuth, client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("$1\r\nv\r\n", client.ReadReplyText());
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("correct horse bättery stapl")]
    [InlineData("correct horse bättery staple ")]
    [InlineData("")]
    public void RefusesAWrongPassword(string password)
    {
        using var client = server.Connect();

        Assert.Equal(WrongPass, client.Call("AUTH", password));
        Assert.Equal(WrongPass, client.Call("AUTH", "default", password));
        Assert.Equal(NoAuth, client.Call("GET", "k"));
    }

    [Theory]
    [InlineData("DEFAULT")]
    [InlineData("admin")]
    public void RefusesAnyUserButDefault(string user)
    {
        using var client = server.Connect();

        Assert.Equal(WrongPass, client.Call("AUTH", user, Password));
        Assert.Equal(NoAuth, client.Call("GET", "k"));
    }

    [Fact]
    public void AuthenticatesWithUserDefaultAndStaysAuthenticatedAfterAWrongPassword()
    {
        using var client = server.Connect();

        Assert.Equal("+OK\r\n", client.Call("AUTH", "default", Password));
        Assert.Equal(WrongPass, client.Call("AUTH", "wrong"));
        Assert.Equal("+PONG\r\n", client.Call("PING"));
    }

    [Fact]
    public void EachConnectionAuthenticatesAgain()
    {
        using (var first = server.Connect())
        {
            Assert.Equal("+OK\r\n", Authenticated(first).Call("SET", "auth:kept", "1"));
        }

        using var second = server.Connect();
        Assert.Equal(NoAuth, second.Call("GET", "auth:kept"));
        Assert.Equal("$1\r\n1\r\n", Authenticated(second).Call("GET", "auth:kept"));
    }

    [Fact]
    public void QuitNeedsNoAuthentication()
    {
        using var client = server.Connect();

        Assert.Equal("+OK\r\n", client.Call("QUIT"));
        Assert.True(client.IsClosedByServer());
    }

    [Fact]
    public void HelloAsksForAuthenticationAndAuthenticatesWithItsAuthOption()
    {
        using var client = server.Connect();
        const string HelloNoAuth = "-NOAUTH HELLO must be called with the client already authenticated, otherwise the " +
            "HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol " +
            "version at the same time\r\n";

        Assert.Equal(HelloNoAuth, client.Call("HELLO"));
        Assert.Equal(HelloNoAuth, client.Call("HELLO", "2", "SETNAME", "early"));
        Assert.Equal(WrongPass, client.Call("HELLO", "2", "AUTH", "default", "wrong"));
        Assert.Equal("-ERR Syntax error in HELLO option 'foo'\r\n", client.Call("HELLO", "2", "foo"));

        Assert.StartsWith("*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n", client.Call("HELLO", "2", "AUTH", "default", Password), StringComparison.Ordinal);

        // As in Redis 7.0, the SETNAME of the refused HELLO took effect before the refusal.
        Assert.Equal("$5\r\nearly\r\n", client.Call("CLIENT", "GETNAME"));
    }

    [Fact]
    public void ConfigGetReportsThePasswordOnceAuthenticated()
    {
        using var client = server.Connect();

        var expected = Resp.Command("requirepass", Password);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), Authenticated(client).Call("CONFIG", "GET", "requirepass"));
    }

    private static WireClient Authenticated(WireClient client)
    {
        Assert.Equal("+OK\r\n", client.Call("AUTH", Password));
        return client;
    }
}
