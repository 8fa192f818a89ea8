using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Sessions;
using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>CLIENT LIST, KILL, PAUSE and REPLY over the event loop, with many connections open at once.</summary>
/// <remarks>Its own server: a pause holds every connection of the server, so no other class may share it.</remarks>
[TransportSpecific("Needs connections served at once: one kills, pauses or lists while the other is held or closed; the blocking transport's one-connection cases are RawSocket/ClientCommandsTests.")]
public sealed class EventLoopClientCommandsTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public void ClientListShowsEachConnectionsOwnDescriptorAndEvents()
    {
        using var first = server.Connect();
        using var second = server.Connect();
        Assert.Equal("+PONG\r\n", second.Call("PING"));

        var lines = Bulk(first.Call("CLIENT", "LIST")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var mine = Fields(Assert.Single(lines, l => l.Contains($"addr={first.Socket.LocalEndPoint} ", StringComparison.Ordinal)));
        var theirs = Fields(Assert.Single(lines, l => l.Contains($"addr={second.Socket.LocalEndPoint} ", StringComparison.Ordinal)));

        Assert.NotEqual(mine["fd"], theirs["fd"]);
        Assert.True(int.Parse(theirs["fd"], CultureInfo.InvariantCulture) > 2);
        Assert.Equal("r", theirs["events"]);
        Assert.Equal("N", theirs["flags"]);
        Assert.Equal("ping", theirs["cmd"]);
        Assert.Equal("client|list", mine["cmd"]);
        Assert.Equal("10", mine["argv-mem"]);
        Assert.Equal($"{second.Socket.RemoteEndPoint}", theirs["laddr"]);
    }

    [Fact]
    public void KillByIdClosesTheOtherConnectionAtOnce()
    {
        using var killer = server.Connect();
        using var victim = server.Connect();
        var victimId = Integer(victim.Call("CLIENT", "ID"));

        Assert.Equal(":1\r\n", killer.Call("CLIENT", "KILL", "ID", victimId.ToString(CultureInfo.InvariantCulture)));

        Assert.True(victim.IsClosedByServer());
        Assert.DoesNotContain($"id={victimId} ", Bulk(killer.Call("CLIENT", "LIST")), StringComparison.Ordinal);
        Assert.Equal(":0\r\n", killer.Call("CLIENT", "KILL", "ID", victimId.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void OldKillFormClosesTheConnectionAtThatAddressOrSaysNoSuchClient()
    {
        using var killer = server.Connect();
        using var victim = server.Connect();
        Assert.Equal("+PONG\r\n", victim.Call("PING"));

        Assert.Equal("+OK\r\n", killer.Call("CLIENT", "KILL", victim.Socket.LocalEndPoint!.ToString()!));
        Assert.True(victim.IsClosedByServer());
        Assert.Equal("-ERR No such client\r\n", killer.Call("CLIENT", "KILL", victim.Socket.LocalEndPoint!.ToString()!));
    }

    [Fact]
    public void KillOfItselfAnswersThenClosesWithoutRunningWhatFollows()
    {
        using var client = server.Connect();
        using var other = server.Connect();
        var id = Integer(client.Call("CLIENT", "ID")).ToString(CultureInfo.InvariantCulture);

        client.Send([.. Resp.Command("CLIENT", "KILL", "ID", id, "SKIPME", "no"), .. Resp.Command("SET", "client:after-kill", "x")]);

        Assert.Equal(":1\r\n", client.ReadReplyText());
        Assert.True(client.IsClosedByServer());
        Assert.Equal(":0\r\n", other.Call("EXISTS", "client:after-kill"));
    }

    [Fact]
    public void WritePauseHoldsWritesInOrderUntilUnpauseWhileReadsRun()
    {
        using var admin = server.Connect();
        using var writer = server.Connect();
        var writerId = Integer(writer.Call("CLIENT", "ID"));
        Assert.Equal("+OK\r\n", admin.Call("CLIENT", "PAUSE", "100000", "WRITE"));

        writer.Send([.. Resp.Command("SET", "client:paused", "v"), .. Resp.Command("GET", "client:paused")]);

        // The read after the held write waits behind it: nothing is answered out of order.
        Assert.True(SpinWait.SpinUntil(
            () => Bulk(admin.Call("CLIENT", "LIST", "ID", writerId.ToString(CultureInfo.InvariantCulture))).Contains(" flags=b ", StringComparison.Ordinal),
            Settle));
        Assert.Equal("$-1\r\n", admin.Call("GET", "client:paused"));
        Assert.Contains("blocked_clients:1\r\n", admin.Call("INFO", "clients"), StringComparison.Ordinal);
        Assert.Equal(0, writer.Available);

        Assert.Equal("+OK\r\n", admin.Call("CLIENT", "UNPAUSE"));
        Assert.Equal("+OK\r\n", writer.ReadReplyText());
        Assert.Equal("$1\r\nv\r\n", writer.ReadReplyText());
        Assert.Contains("blocked_clients:0\r\n", admin.Call("INFO", "clients"), StringComparison.Ordinal);
    }

    [Fact]
    public void AllPauseHoldsEveryCommandUntilTheServerClockPassesItsEnd()
    {
        using var admin = server.Connect();
        using var other = server.Connect();
        Assert.Equal("+OK\r\n", admin.Call("CLIENT", "PAUSE", "5000", "ALL"));

        other.SendCommand("PING");
        admin.SendCommand("CLIENT", "UNPAUSE");
        Assert.True(SpinWait.SpinUntil(() => PostponedSessions() == 2, Settle));
        Assert.Equal(0, other.Available);

        server.Clock.Advance(TimeSpan.FromMilliseconds(5001));

        // The loop's timer sees the end on the server's clock and runs both, in the order they were held.
        Assert.Equal("+PONG\r\n", other.ReadReplyText());
        Assert.Equal("+OK\r\n", admin.ReadReplyText());
        Assert.Equal(0, PostponedSessions());
    }

    [Fact]
    public void ReplyOffAndSkipDropRepliesAsRedisDoes()
    {
        using var client = server.Connect();

        client.Send("CLIENT REPLY SKIP\r\nPING\r\nPING\r\nCLIENT REPLY OFF\r\nPING\r\nCLIENT REPLY SKIP\r\nCLIENT REPLY ON\r\nPING\r\nCLIENT REPLY foo\r\n");

        // Bytes as redis-server 7.0.15 sends them for the same input.
        Assert.Equal("+PONG\r\n", client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("+PONG\r\n", client.ReadReplyText());
        Assert.Equal("-ERR syntax error\r\n", client.ReadReplyText());
        Assert.Equal("+PONG\r\n", client.Call("PING"));
    }

    [Fact]
    public void NoEvictShowsAsFlagE()
    {
        using var client = server.Connect();

        Assert.Equal("+OK\r\n", client.Call("CLIENT", "NO-EVICT", "on"));
        Assert.Equal("e", Fields(Bulk(client.Call("CLIENT", "INFO")))["flags"]);
        Assert.Equal("+OK\r\n", client.Call("CLIENT", "NO-EVICT", "off"));
        Assert.Equal("N", Fields(Bulk(client.Call("CLIENT", "INFO")))["flags"]);
    }

    [Fact]
    public void InfoClientsHasRedis70sFieldsAndCountsTheConnections()
    {
        using var first = server.Connect();
        using var second = server.Connect();

        var secondId = Integer(second.Call("CLIENT", "ID")).ToString(CultureInfo.InvariantCulture);

        // An unfinished request gives the second connection a query buffer of its own (idle ones have none).
        second.Send("*3\r\n$3\r\nSET\r\n$11\r\nclient:half\r\n$10\r\nab");
        Assert.True(SpinWait.SpinUntil(() => Fields(Bulk(first.Call("CLIENT", "LIST", "ID", secondId)))["qbuf"] != "0", Settle));

        var pairs = Bulk(first.Call("INFO", "clients")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).Select(l => l.Split(':')).ToArray();
        var fields = pairs.ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(
            ["connected_clients", "cluster_connections", "maxclients", "client_recent_max_input_buffer",
             "client_recent_max_output_buffer", "blocked_clients", "tracking_clients", "clients_in_timeout_table"],
            pairs.Select(p => p[0]).Where(k => k != "waiting_clients"));
        Assert.True(int.Parse(fields["connected_clients"], CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse(fields["client_recent_max_input_buffer"], CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", fields["blocked_clients"]);
        second.Send("cdefghij\r\n");
        Assert.Equal("+OK\r\n", second.ReadReplyText());
    }

    [Fact]
    public void StackExchangeRedisListsAndKillsClients()
    {
        using var victim = server.Connect();
        var victimId = Integer(victim.Call("CLIENT", "ID"));
        using var redis = ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { server.EndPoint }, AllowAdmin = true });
        var admin = redis.GetServer(server.EndPoint);

        var listed = Assert.Single(admin.ClientList(), c => c.Id == victimId);
        Assert.Equal(victim.Socket.LocalEndPoint!.ToString(), listed.Address!.ToString());
        Assert.Equal(ClientFlags.None, listed.Flags);
        Assert.Equal("client", listed.LastCommand);

        Assert.Equal(1, admin.ClientKill(id: victimId));
        Assert.True(victim.IsClosedByServer());
    }

    private int PostponedSessions() => server.Services.GetRequiredService<ClientRegistry>().Sessions.ToArray().Count(s => s.IsPostponed);

    private static string Bulk(string reply) => reply[(reply.IndexOf("\r\n", StringComparison.Ordinal) + 2)..].TrimEnd('\r', '\n');

    private static long Integer(string reply) => long.Parse(reply.AsSpan(1, reply.Length - 3), CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string line) =>
        line.Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
