using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Sessions;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>What the event loop adds: many connections served at once, none able to hold the others.</summary>
[TransportSpecific("Many connections at once, which the blocking transport serves one after another by design.")]
public sealed class EventLoopTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    /// <summary>How long a test waits for the server to notice a connection that went away; it returns as soon as it has.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    /// <summary>A hang guard only: a loop that stopped serving anyone would otherwise block the suite.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task FiftyConcurrentClientsLoseReorderAndDuplicateNothingWhileAHalfSentAndASilentClientWait()
    {
        const int Clients = 50;
        const int Rounds = 40;
        using var silent = server.Connect();
        // Half of a 100 KB value: over 32 KiB, so the loop reads it as a big argument, up to its announced end.
        var halfSentValue = Resp.Payload(100 * 1024);
        var halfSentRequest = Resp.Command("SET"u8.ToArray(), "conc:half-sent"u8.ToArray(), halfSentValue);
        using var halfSent = server.Connect();
        halfSent.Send(halfSentRequest.AsSpan(0, halfSentRequest.Length / 2));

        var clients = Enumerable.Range(0, Clients).Select(_ => server.Connect()).ToArray();
        var sharedCounts = new long[Clients][];
        try
        {
            using var start = new Barrier(Clients);
            var workers = Enumerable.Range(0, Clients)
                .Select(i => Task.Factory.StartNew(() => sharedCounts[i] = Run(clients[i], i, start), TaskCreationOptions.LongRunning))
                .ToArray();
            await Task.WhenAll(workers).WaitAsync(HangGuard);
        }
        finally
        {
            Array.ForEach(clients, c => c.Dispose());
        }

        // Every INCR of the shared counter was applied once and answered to the client that sent it: the replies are
        // exactly 1..N between them, whatever the interleaving.
        Assert.Equal(Enumerable.Range(1, Clients * Rounds).Select(n => (long)n), sharedCounts.SelectMany(c => c).Order());

        // The stalled clients held nobody, and are served as soon as they go on.
        halfSent.Send(halfSentRequest.AsSpan(halfSentRequest.Length / 2));
        Assert.Equal("+OK\r\n", halfSent.ReadReplyText());
        Assert.Equal("+PONG\r\n", silent.Call("PING"));
        silent.SendCommand("GET", "conc:half-sent");
        Assert.Equal(Resp.Bulk(halfSentValue), silent.ReadReply());
        Assert.Equal($"${Text(Clients * Rounds).Length}\r\n{Text(Clients * Rounds)}\r\n", silent.Call("GET", "conc:shared"));

        // Each client pipelines a round: its own key, the shared counter, its own counter, its own key read back and
        // appended to; its replies must come in order and answer its own commands.
        static long[] Run(WireClient client, int id, Barrier start)
        {
            var key = "conc:c" + Text(id);
            var shared = new long[Rounds];
            Assert.True(start.SignalAndWait(HangGuard), "the clients did not all connect");
            for (var round = 0; round < Rounds; round++)
            {
                var value = FormattableString.Invariant($"v{id}-{round}");
                client.Send([
                    .. Resp.Command("SET", key, value),
                    .. Resp.Command("INCR", "conc:shared"),
                    .. Resp.Command("INCR", key + ":n"),
                    .. Resp.Command("GET", key),
                    .. Resp.Command("APPEND", key + ":log", Text(round) + ","),
                ]);
                Assert.Equal("+OK\r\n", client.ReadReplyText());
                var incr = client.ReadReplyText();
                Assert.StartsWith(":", incr, StringComparison.Ordinal);
                shared[round] = long.Parse(incr[1..^2], CultureInfo.InvariantCulture);
                Assert.Equal($":{round + 1}\r\n", client.ReadReplyText());
                Assert.Equal($"${value.Length}\r\n{value}\r\n", client.ReadReplyText());
                Assert.StartsWith(":", client.ReadReplyText(), StringComparison.Ordinal);
            }

            var log = string.Concat(Enumerable.Range(0, Rounds).Select(r => Text(r) + ","));
            Assert.Equal($"${log.Length}\r\n{log}\r\n", client.Call("GET", key + ":log"));
            Assert.Equal(0, client.Available);
            return shared;
        }
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

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] Lines(string reply) =>
        [.. reply.Split("\r\n").Where(l => l.Length > 0 && l[0] is not ('*' or '$'))];

    private static string Bulk(string reply) => reply[(reply.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];

    /// <summary>The server's open sessions; tests of this class run one at a time, so it counts this test's connections once earlier ones are gone.</summary>
    private int OpenSessions() => server.Services.GetRequiredService<ClientRegistry>().Count;
}
