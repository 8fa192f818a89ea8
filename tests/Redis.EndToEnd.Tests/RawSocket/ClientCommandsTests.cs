using System.Globalization;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>CLIENT PAUSE, REPLY, KILL and LIST over the blocking transport, whose one connection is the only one open.</summary>
/// <remarks>A server of its own: a pause holds the whole server.</remarks>
[TransportSpecific("The blocking transport's own postpone path (a held request re-run on its receive timeout) and its one connection; the event loop's, with many connections, is EventLoop/EventLoopClientCommandsTests.")]
public sealed class ClientCommandsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public void PausedCommandWaitsUntilTheServerClockPassesTheEndThenRunsInOrder()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("CLIENT", "PAUSE", "2000", "WRITE"));
        client.Send([.. Resp.Command("SET", "blocking:paused", "v"), .. Resp.Command("GET", "blocking:paused")]);

        // Two round trips of the server's 100 ms timer without the clock moving: the write is still held.
        Assert.False(client.Socket.Poll(250_000, System.Net.Sockets.SelectMode.SelectRead));

        server.Clock.Advance(TimeSpan.FromMilliseconds(2001));
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("$1\r\nv\r\n", client.ReadReplyText());
    }

    [Fact]
    public void ReplyOffAndSkipDropRepliesAsRedisDoes()
    {
        using var client = server.Connect();

        client.Send("CLIENT REPLY SKIP\r\nPING\r\nPING\r\nCLIENT REPLY OFF\r\nPING\r\nCLIENT REPLY ON\r\nECHO x\r\n");

        Assert.Equal("+PONG\r\n", client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal("$1\r\nx\r\n", client.ReadReplyText());
    }

    [Fact]
    public void ClientListShowsTheRealDescriptorAndKillOfItselfClosesAfterTheReply()
    {
        using var client = server.Connect();

        var info = client.Call("CLIENT", "INFO");
        var fd = info[(info.IndexOf(" fd=", StringComparison.Ordinal) + 4)..].Split(' ')[0];
        Assert.True(int.Parse(fd, CultureInfo.InvariantCulture) > 2, info);
        Assert.Contains(" events=r cmd=client|info ", info, StringComparison.Ordinal);

        client.Send([.. Resp.Command("CLIENT", "KILL", client.Socket.LocalEndPoint!.ToString()!), .. Resp.Command("PING")]);
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.True(client.IsClosedByServer());
    }
}
