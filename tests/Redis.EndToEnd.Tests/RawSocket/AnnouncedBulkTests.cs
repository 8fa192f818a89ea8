using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Common;
using Redis.Infrastructure.Transport;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>A length a client announces costs nothing until its bytes arrive: the input buffer grows with what is received.</summary>
[TransportSpecific("It reads the blocking server's one input buffer; the event loop keeps one per connection and does not expose it.")]
public sealed class AnnouncedBulkTests(AnnouncedBulkTests.Server server) : IClassFixture<AnnouncedBulkTests.Server>
{
    private const int InitialInputBuffer = 16 * 1024;

    [Fact]
    public void HoldsOnlyReceivedBytesGivenHeaderAnnouncing500MillionBytesAndTenSent()
    {
        // Within the default proto-max-bulk-len (512 MiB), so the header is valid and the server waits for the body.
        var request = Encoding.ASCII.GetBytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$500000000\r\n0123456789");
        var transport = server.Services.GetRequiredService<BlockingServer>();
        using (var client = server.Connect())
        {
            SendAndWaitUntilReceived(client, request);

            Assert.Equal(InitialInputBuffer, transport.InputBufferSize);

            // 1 MiB more of the body: the buffer doubles as bytes arrive, never towards the 500 MB announced.
            var sent = request.Length;
            foreach (var chunk in new byte[1024 * 1024].Chunk(64 * 1024))
            {
                SendAndWaitUntilReceived(client, chunk);
                sent += chunk.Length;
                Assert.InRange(transport.InputBufferSize, sent, Math.Max(InitialInputBuffer, 2 * sent));
            }
        }

        // The unfinished request went with its client: nothing was stored, and the next client is served.
        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
        Assert.Equal("$-1\r\n", next.Call("GET", "k"));
    }

    private void SendAndWaitUntilReceived(WireClient client, byte[] bytes)
    {
        var statistics = server.Services.GetRequiredService<ServerStatistics>();
        var target = statistics.NetInputBytes + bytes.Length;
        client.Send(bytes);

        // Not a timing assertion: the bound only keeps a broken server from hanging the suite.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (statistics.NetInputBytes < target)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the server received {statistics.NetInputBytes} of {target} bytes");
            Thread.Sleep(1);
        }
    }

    public sealed class Server : ServerFixture;
}
