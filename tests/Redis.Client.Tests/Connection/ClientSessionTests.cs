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
}
