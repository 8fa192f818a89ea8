using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Sessions;
using StackExchange.Redis;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>What the event loop adds: many connections served at once, none able to hold the others.</summary>
[TransportSpecific("Many connections at once, which the blocking transport serves one after another by design.")]
public sealed class EventLoopTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    /// <summary>How long a test waits for the server to notice a connection that went away; it returns as soon as it has.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public void FiftyClientsInterleavingCommandsLoseAndReorderNothing()
    {
        const int Clients = 50;
        const int Rounds = 20;
        var clients = Enumerable.Range(0, Clients).Select(_ => server.Connect()).ToArray();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                // Every client sends before any reads, so the server has all fifty connections ready at once.
                for (var i = 0; i < Clients; i++)
                {
                    var value = Value(i, round);
                    clients[i].Send([.. Resp.Command("SET", Key(i), value), .. Resp.Command("INCR", Key(i) + ":n"), .. Resp.Command("GET", Key(i))]);
                }

                for (var i = 0; i < Clients; i++)
                {
                    var value = Value(i, round);
                    Assert.Equal("+OK\r\n", clients[i].ReadReplyText());
                    Assert.Equal($":{round + 1}\r\n", clients[i].ReadReplyText());
                    Assert.Equal($"${value.Length}\r\n{value}\r\n", clients[i].ReadReplyText());
                }
            }

            Assert.All(clients, c => Assert.Equal(0, c.Available));
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
        }

        static string Key(int client) => "loop:c" + client.ToString(CultureInfo.InvariantCulture);

        static string Value(int client, int round) => FormattableString.Invariant($"v{client}-{round}");
    }

    [Fact]
    public void HalfSentCommandDelaysNobodyAndCompletesLater()
    {
        using var slow = server.Connect();
        using var other = server.Connect();
        slow.Send("*3\r\n$3\r\nSET\r\n$9\r\nloop:half\r\n$5\r\nva");

        Assert.Equal("+PONG\r\n", other.Call("PING"));
        Assert.Equal(":0\r\n", other.Call("EXISTS", "loop:half"));

        slow.Send("lue\r\n");
        Assert.Equal("+OK\r\n", slow.ReadReplyText());
        Assert.Equal("$5\r\nvalue\r\n", other.Call("GET", "loop:half"));
    }

    [Fact]
    public void SilentIdleClientDelaysNobody()
    {
        using var idle = server.Connect();
        using var other = server.Connect();

        Assert.Equal("+OK\r\n", other.Call("SET", "loop:idle", "1"));
        Assert.Equal("$1\r\n1\r\n", other.Call("GET", "loop:idle"));

        // The idle one is still connected and served when it speaks (timeout is 0 with the event loop).
        Assert.Equal("+PONG\r\n", idle.Call("PING"));
        Assert.Equal("timeout", Lines(other.Call("CONFIG", "GET", "timeout"))[0]);
        Assert.Equal("0", Lines(other.Call("CONFIG", "GET", "timeout"))[1]);
    }

    [Fact]
    public void ClientNotReadingALargeReplyDelaysNobody()
    {
        const int Size = 8 * 1024 * 1024;
        using var stalled = server.Connect();
        using var other = server.Connect();
        stalled.Send(Resp.Command("SET"u8.ToArray(), "loop:large"u8.ToArray(), Resp.Payload(Size)));
        Assert.Equal("+OK\r\n", stalled.ReadReplyText());

        // Far more than the socket buffers hold: the server keeps the rest queued and serves the other client meanwhile.
        stalled.Send([.. Resp.Command("GET", "loop:large"), .. Resp.Command("GET", "loop:large")]);
        Assert.Equal("+PONG\r\n", other.Call("PING"));
        Assert.Equal($":{Size}\r\n", other.Call("STRLEN", "loop:large"));

        var replyLength = $"${Size}\r\n".Length + Size + 2;
        Assert.Equal(replyLength, stalled.ReadReply().Length);
        Assert.Equal(replyLength, stalled.ReadReply().Length);
    }

    [Fact]
    public void ClientDisconnectingMidReplyCostsOnlyItsConnection()
    {
        const int Size = 4 * 1024 * 1024;
        using var other = server.Connect();
        using (var leaver = server.Connect())
        {
            leaver.Send(Resp.Command("SET"u8.ToArray(), "loop:leave"u8.ToArray(), Resp.Payload(Size)));
            Assert.Equal("+OK\r\n", leaver.ReadReplyText());
            leaver.Send([.. Resp.Command("GET", "loop:leave"), .. Resp.Command("GET", "loop:leave"), .. Resp.Command("GET", "loop:leave")]);
            leaver.Socket.Receive(new byte[1024]);
            leaver.Socket.LingerState = new LingerOption(true, 0);
        }

        // The reset reaches the server when it next writes to that socket: its session then closes, and only it.
        Assert.True(SpinWait.SpinUntil(() => OpenSessions() == 1, Settle));
        Assert.Equal($":{Size}\r\n", other.Call("STRLEN", "loop:leave"));
    }

    [Fact]
    public void ClientListShowsEveryConnection()
    {
        using var first = server.Connect();
        using var second = server.Connect();
        Assert.Equal("+PONG\r\n", second.Call("PING"));

        var list = Bulk(first.Call("CLIENT", "LIST"));
        Assert.Contains($"addr={first.Socket.LocalEndPoint} ", list, StringComparison.Ordinal);
        Assert.Contains($"addr={second.Socket.LocalEndPoint} ", list, StringComparison.Ordinal);
        Assert.Contains("cmd=client|list", list, StringComparison.Ordinal);
        Assert.Contains("cmd=ping", list, StringComparison.Ordinal);
    }

    [Fact]
    public void QuitClosesOnlyItsConnectionAfterTheRepliesBeforeIt()
    {
        using var quitter = server.Connect();
        using var other = server.Connect();
        quitter.Send([.. Resp.Command("PING"), .. Resp.Command("QUIT"), .. Resp.Command("SET", "loop:after-quit", "x")]);

        Assert.Equal("+PONG\r\n", quitter.ReadReplyText());
        Assert.Equal("+OK\r\n", quitter.ReadReplyText());
        Assert.True(quitter.IsClosedByServer());
        Assert.Equal(":0\r\n", other.Call("EXISTS", "loop:after-quit"));
    }

    [Fact]
    public void ProtocolErrorClosesOnlyItsConnection()
    {
        using var broken = server.Connect();
        using var other = server.Connect();
        broken.Send("*1\r\n$x\r\n");

        Assert.Equal("-ERR Protocol error: invalid bulk length\r\n", broken.ReadReplyText());
        Assert.True(broken.IsClosedByServer());
        Assert.Equal("+PONG\r\n", other.Call("PING"));
    }

    [Fact]
    public void StackExchangeRedisConnectsWithItsDefaultsAndRunsGetAndSet()
    {
        // The defaults include the second, pub/sub connection, which the blocking transport cannot serve beside the first.
        using var redis = ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { server.EndPoint } });
        var db = redis.GetDatabase();

        Assert.True(db.StringSet("loop:se", "value"));
        Assert.Equal("value", (string?)db.StringGet("loop:se"));
        Assert.True(redis.IsConnected);
    }

    private static string[] Lines(string reply) =>
        [.. reply.Split("\r\n").Where(l => l.Length > 0 && l[0] is not ('*' or '$'))];

    private static string Bulk(string reply) => reply[(reply.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];

    /// <summary>The server's open sessions; tests of this class run one at a time, so it counts this test's connections once earlier ones are gone.</summary>
    private int OpenSessions() => server.Services.GetRequiredService<ClientRegistry>().Count;
}
