using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Common;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// The hard <c>client-output-buffer-limit</c> of the normal class: a client whose pending output reaches it is closed
/// at once and its replies dropped, as Redis's <c>closeClientOnOutputBufferLimitReached</c> does, checked after each
/// reply so one read of pipelined GETs cannot queue gigabytes first.
/// </summary>
public abstract class OutputBufferLimitTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : OutputBufferLimitTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : OutputBufferLimitTests(server), IClassFixture<Server<EventLoopTransport>>;

    /// <summary>The hard limit the server runs with: below one reply of <see cref="ValueLength"/>.</summary>
    public const int HardLimit = 1024 * 1024;

    /// <summary>Large enough that one GET's reply is over the limit.</summary>
    public const int ValueLength = HardLimit;

    /// <summary>Pipelined GETs in one send, about 18 KiB: without a check after each reply they would queue about 2 GB.</summary>
    private const int PipelinedGets = 2000;

    [Fact]
    public void ClosesAfterTheFirstReplyOverTheHardLimitAndDropsIt()
    {
        var statistics = server.Services.GetRequiredService<ServerStatistics>();
        var disconnectionsBefore = statistics.OutputBufferLimitDisconnections;
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SET", "big", new string('v', ValueLength)));
        var commandsBefore = statistics.CommandsProcessed;

        client.Send(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET big\r\n", PipelinedGets))));

        Assert.Equal(0, ReceiveToEnd(client.Socket));
        Assert.True(SpinWait.SpinUntil(() => statistics.OutputBufferLimitDisconnections == disconnectionsBefore + 1, TimeSpan.FromSeconds(10)));

        // The check ran after the first GET's reply: the batch stopped there.
        Assert.Equal(commandsBefore + 1, statistics.CommandsProcessed);
        using var next = server.Connect();
        Assert.Equal("*2\r\n$26\r\nclient-output-buffer-limit\r\n$73\r\nnormal 1048576 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60\r\n",
            next.Call("CONFIG", "GET", "client-output-buffer-limit"));
    }

    [Fact]
    public void ServesRepliesBelowTheLimit()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SET", "small", new string('s', HardLimit / 4)));

        client.Send("GET small\r\nGET small\r\nGET small\r\n");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HardLimit / 4 + 11, client.ReadReply().Length);
        }
    }

    /// <summary>Reads until the server ends the stream; the bytes read, a reset counting as the end.</summary>
    protected static int ReceiveToEnd(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var total = 0;
        socket.ReceiveTimeout = 10_000;
        try
        {
            int read;
            while ((read = socket.Receive(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
        }

        return total;
    }

    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:ClientOutputBufferLimit"] = $"normal {HardLimit / 1024}kb 0 0";
    }
}
