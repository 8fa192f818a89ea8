using System.Net.Sockets;
using System.Text;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>
/// When the server ends a connection (QUIT, a protocol error) while the client is still sending, the client reads
/// every reply up to the end, then the end of the stream, not a reset; what it sent after is never run.
/// </summary>
public abstract class ServerClosesTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : ServerClosesTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : ServerClosesTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    [Fact]
    public Task RequestsPipelinedAfterQuitAreDroppedAndTheClientSeesOkThenTheEndOfTheStream() =>
        AssertRepliesThenEndOfStream("PING\r\nQUIT\r\n"u8.ToArray(), "+PONG\r\n+OK\r\n");

    [Fact]
    public Task RequestsPipelinedAfterAProtocolErrorAreDroppedAndTheClientSeesTheErrorThenTheEndOfTheStream() =>
        AssertRepliesThenEndOfStream("PING\r\n*1\r\n+PING\r\n"u8.ToArray(), "+PONG\r\n-ERR Protocol error: expected '$', got '+'\r\n");

    private async Task AssertRepliesThenEndOfStream(byte[] head, string expected)
    {
        // 1 MB of writes behind the request that ends the connection: most of it is still unread when the server closes.
        var after = Enumerable.Range(0, 40_000).SelectMany(_ => "SET fault:after-close x\r\n"u8.ToArray()).ToArray();
        using (var client = server.Connect())
        {
            var writer = Task.Run(() =>
            {
                try
                {
                    client.Send([.. head, .. after]);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // The client closed its socket once it had read the end of the stream.
                }
            });

            var received = RawStream.ReadToEnd(client.Socket, out var reset);
            client.Socket.Close();
            await writer.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(expected, Encoding.ASCII.GetString(received));
            Assert.False(reset, "The connection was reset instead of closed after the last reply.");
        }

        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
        Assert.Equal(":0\r\n", next.Call("EXISTS", "fault:after-close"));
    }
}
