using Redis.Application.Routing;
using Redis.Client.Connection;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Connection;

public class ClientSessionTests
{
    [Fact]
    public void PromptsWithTheAddressOnceConnected()
    {
        using var stub = new StubServer(_ => Reply.Pong);
        using var session = new ClientSession("127.0.0.1", stub.Port, TextWriter.Null);

        Assert.Equal("not connected> ", session.Prompt);
        Assert.True(session.TryConnect());
        Assert.Equal($"127.0.0.1:{stub.Port}> ", session.Prompt);
    }

    [Fact]
    public void SendsHelloThreeAfterSelectGivenResp3()
    {
        var commands = new List<string>();
        using var stub = new StubServer(args =>
        {
            commands.Add(string.Join(' ', Enumerable.Range(0, args.Count).Select(i => System.Text.Encoding.UTF8.GetString(args[i]))));
            return args[0].SequenceEqual("HELLO"u8) ? Reply.Map([Reply.Bulk("proto"), Reply.Integer(3)]) : Reply.Ok;
        })
        { Protocol = RespVersion.Resp3 };
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", stub.Port, error, database: 2, resp3: true);

        Assert.True(session.TryConnect());

        Assert.False(session.SetUpFailed);
        Assert.Equal(["SELECT 2", "HELLO 3"], commands);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void FailsTheSetUpWithRedisClisLineGivenHelloThreeRefused()
    {
        using var stub = new StubServer(args => args[0].SequenceEqual("HELLO"u8) ? Reply.Error("NOPROTO unsupported protocol version") : Reply.Pong);
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", stub.Port, error, resp3: true);

        Assert.True(session.TryConnect());

        Assert.True(session.SetUpFailed);
        Assert.Equal("HELLO 3 failed: NOPROTO unsupported protocol version\n", error.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HandsAPushBeforeTheReplyToItsHandlerOrDropsIt(bool handled)
    {
        var push = Reply.Push([Reply.Bulk("server-cpu-usage"), Reply.Integer(42)]);
        using var stub = new StubServer(_ => Reply.Pong) { Protocol = RespVersion.Resp3, PushBefore = _ => push };
        var pushes = new List<Reply>();
        using var session = new ClientSession("127.0.0.1", stub.Port, TextWriter.Null, pushes: handled ? pushes.Add : null);

        Assert.Equal(Reply.Pong, session.Execute(CommandArgs.From("PING")));
        Assert.Equal(Reply.Pong, session.Execute(CommandArgs.From("PING")));

        Assert.Equal(handled ? [push, push] : [], pushes);
    }

    [Fact]
    public void ReportsAServerThatIsDownAndStaysNotConnected()
    {
        var port = ClientRun.ClosedPort();
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", port, error);

        Assert.False(session.TryConnect());
        Assert.Null(session.Execute(CommandArgs.From("PING")));

        var refused = $"Could not connect to Redis at 127.0.0.1:{port}: Connection refused\n";
        Assert.Equal(refused + refused, error.ToString());
        Assert.Equal("not connected> ", session.Prompt);
    }

    [Fact]
    public void ReconnectsOnTheNextCommandAfterTheServerClosedTheConnection()
    {
        using var stub = new StubServer(args => args[0].SequenceEqual("BOOM"u8) ? null : Reply.Pong);
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", stub.Port, error);

        Assert.Null(session.Execute(CommandArgs.From("BOOM")));
        Assert.Equal("Error: Server closed the connection\n", error.ToString());
        Assert.Equal("not connected> ", session.Prompt);

        Assert.Equal(Reply.Pong, session.Execute(CommandArgs.From("PING")));
        Assert.Equal(2, stub.Connections);
        Assert.Equal($"127.0.0.1:{stub.Port}> ", session.Prompt);
    }

    [Fact]
    public async Task AbandonsAWaitingCommandQuietlyWhenInterrupted()
    {
        using var received = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var stub = new StubServer(_ =>
        {
            received.Set();
            release.Wait();
            return Reply.Ok;
        });
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", stub.Port, error);
        try
        {
            var command = Task.Run(() => session.Execute(CommandArgs.From("BLPOP", "list", "0")));
            received.Wait();

            session.Interrupt();

            Assert.Null(await command);
            Assert.Equal("", error.ToString());
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void AsksTheServerForItsCommandsOnlyWhenConnected()
    {
        var asked = 0;
        using var stub = new StubServer(_ =>
        {
            asked++;
            return Reply.Array([Reply.Bulk("get"), Reply.Bulk("rename")]);
        });
        using var session = new ClientSession("127.0.0.1", stub.Port, TextWriter.Null);

        Assert.Null(session.ServerCommands());
        session.TryConnect();

        Assert.Equal(["get", "rename"], session.ServerCommands());
        Assert.Equal(["get", "rename"], session.ServerCommands());
        Assert.Equal(1, asked);
    }

    [Fact]
    public void SelectsTheDatabaseOnConnectingAndShowsItInThePromptAsRedisCliDoes()
    {
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stub = SixteenDatabases(sent);
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", stub.Port, error, database: 3);

        Assert.True(session.TryConnect());

        Assert.False(session.SetUpFailed);
        Assert.Equal($"127.0.0.1:{stub.Port}[3]> ", session.Prompt);
        Assert.Equal(["SELECT 3"], sent);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void ReportsARefusedSelectAsRedisCliDoesAndKeepsTheConnectionOnDatabaseZero()
    {
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stub = SixteenDatabases(sent);
        using var error = new StringWriter();
        using var session = new ClientSession("127.0.0.1", stub.Port, error, database: 99);

        Assert.True(session.TryConnect());
        Assert.Equal(Reply.Pong, session.Execute(CommandArgs.From("PING")));

        Assert.True(session.SetUpFailed);
        Assert.Equal("SELECT 99 failed: ERR DB index is out of range\n", error.ToString());
        Assert.Equal($"127.0.0.1:{stub.Port}> ", session.Prompt);
        Assert.Equal(["SELECT 99", "PING"], sent);
    }

    [Fact]
    public void FollowsASelectThatSucceededInThePromptAndOnReconnecting()
    {
        var sent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stub = SixteenDatabases(sent);
        using var session = new ClientSession("127.0.0.1", stub.Port, TextWriter.Null, database: 1);

        session.Execute(CommandArgs.From("select", "2"));
        var afterSelect = session.Prompt;
        session.Execute(CommandArgs.From("SELECT", "16"));
        var afterRefusedSelect = session.Prompt;
        session.Execute(CommandArgs.From("BOOM"));
        session.Execute(CommandArgs.From("PING"));

        Assert.Equal($"127.0.0.1:{stub.Port}[2]> ", afterSelect);
        Assert.Equal(afterSelect, afterRefusedSelect);
        Assert.Equal($"127.0.0.1:{stub.Port}[2]> ", session.Prompt);
        Assert.Equal(["SELECT 1", "select 2", "SELECT 16", "BOOM", "SELECT 2", "PING"], sent);
    }

    /// <summary>A stub with redis-server's 16 databases: it logs each request, refuses SELECT out of range, and closes on BOOM.</summary>
    private static StubServer SixteenDatabases(System.Collections.Concurrent.ConcurrentQueue<string> sent) => new(args =>
    {
        var words = args.ToArrays().Select(System.Text.Encoding.UTF8.GetString).ToArray();
        sent.Enqueue(string.Join(' ', words));
        return words[0] switch
        {
            "BOOM" => null,
            "SELECT" or "select" => int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture) < 16 ? Reply.Ok : Reply.Error("ERR DB index is out of range"),
            _ => Reply.Pong,
        };
    });
}
