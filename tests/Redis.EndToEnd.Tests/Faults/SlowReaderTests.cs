using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Redis.Infrastructure.Transport;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>
/// A client that asks for a large value and stops reading would hold the one serving thread in <c>send</c>; with
/// <c>timeout</c> set the server gives up on it after that many seconds without progress and serves the next client.
/// </summary>
[TransportSpecific("The blocking server's send timeout and its one output buffer; the event loop never blocks in send (EventLoopTests.ClientNotReadingALargeReplyDelaysNobody).")]
public sealed class SlowReaderTests(SlowReaderTests.Server server) : IClassFixture<SlowReaderTests.Server>
{
    private const int Size = 50 * 1024 * 1024;

    [Fact]
    public void ServerGivesUpOnAClientThatStopsReadingAndServesTheNext()
    {
        // Built before connecting: with timeout 1, a client that takes a second to compose its request is idle.
        var set = Resp.Command("SET"u8.ToArray(), "slow:big"u8.ToArray(), Resp.Payload(Size));
        using (var writer = server.Connect())
        {
            writer.Send(set);
            Assert.Equal("+OK\r\n", writer.ReadReplyText());
        }

        using var stalled = server.Connect();
        stalled.Socket.ReceiveBufferSize = 64 * 1024;
        stalled.SendCommand("GET", "slow:big");

        using var waiting = server.Connect();
        waiting.SendCommand("PING");

        // No sleep: this read blocks until the server has given up on the stalled client.
        var clock = Stopwatch.StartNew();
        Assert.Equal("+PONG\r\n", waiting.ReadReplyText());
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal($":{Size}\r\n", waiting.Call("STRLEN", "slow:big"));

        // The 50 MB output buffer went with the stalled client: only the initial 16 KiB in and out are held.
        Assert.Equal(32 * 1024, server.Services.GetRequiredService<BlockingServer>().BufferCapacity);

        // What the stalled client finds when it reads at last: part of the reply, then the end of the connection.
        var received = RawStream.ReadToEnd(stalled.Socket, out _);
        Assert.InRange(received.Length, 0, Size - 1);
    }

    public sealed class Server : ServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:Timeout"] = "1";
    }
}
