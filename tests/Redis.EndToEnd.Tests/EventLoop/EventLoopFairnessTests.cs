using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Common;
using Redis.Application.Sessions;
using Redis.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// One client's flood does not hold the others: the loop reads at most 16 KiB from a connection per turn, so another
/// connection's request waits a bounded number of turns; and a client that leaves mid-reply costs only itself.
/// </summary>
[TransportSpecific("Fairness between connections served at once; the blocking transport serves one connection at a time.")]
public sealed class EventLoopFairnessTests(EventLoopFairnessTests.Server server, ITestOutputHelper output)
    : IClassFixture<EventLoopFairnessTests.Server>
{
    private const int FloodPings = 1_000_000;
    private const int Probes = 5;

    /// <summary>
    /// The most of the flood's commands that may run between another client's send and the execution of its request.
    /// </summary>
    /// <remarks>
    /// One turn runs at most 16 KiB of the flood, 2,730 inline PINGs; the probe's request runs in the first turn after
    /// it arrives, so about two turns' worth (5,500) is expected. The rest is slack for the test thread being preempted
    /// between reading the counter and sending. A loop that read the flood as fast as it arrives would run the
    /// hundreds of thousands of PINGs the socket buffers hold first.
    /// </remarks>
    private const long MaxFloodCommandsAhead = 50_000;

    [Fact]
    public async Task AnotherClientIsServedWithinBoundedTurnsWhileOneClientPipelinesAMillionPings()
    {
        var statistics = server.Services.GetRequiredService<ServerStatistics>();
        using var flood = server.Connect();
        using var probe = server.Connect();
        Assert.Equal("+PONG\r\n", probe.Call("PING"));

        var received = 0L;
        var reader = Task.Factory.StartNew(() => ReadAll(flood.Socket, FloodPings * "+PONG\r\n".Length, ref received), TaskCreationOptions.LongRunning);
        var sender = Task.Factory.StartNew(() => flood.Send(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("PING\r\n", FloodPings)))), TaskCreationOptions.LongRunning);
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref received) > 70_000, TimeSpan.FromSeconds(30)), "the flood is being served");

        var ahead = new List<long>();
        for (var i = 0; i < Probes && Volatile.Read(ref received) < FloodPings * 7L; i++)
        {
            var before = statistics.CommandsProcessed;

            // INFO reports the count as its command runs: what ran between the send and it is the flood's.
            var executedAt = TotalCommandsProcessed(probe.Call("INFO", "stats"));
            ahead.Add(executedAt - before);
            output.WriteLine($"probe {i}: {executedAt - before} flood commands ahead");
        }

        await sender.WaitAsync(TimeSpan.FromSeconds(60));
        await reader.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(FloodPings * 7L, received);
        Assert.True(ahead.Count >= Probes / 2 + 1, $"only {ahead.Count} probes ran while the flood was served");
        var median = ahead.Order().ElementAt(ahead.Count / 2);
        Assert.True(median < MaxFloodCommandsAhead, $"probes waited behind {string.Join(", ", ahead)} flood commands");
    }

    [Fact]
    public void AClientClosingMidReplyIsRemovedAndOthersAreServed()
    {
        const int Size = 8 * 1024 * 1024;
        var registry = server.Services.GetRequiredService<ClientRegistry>();
        using var other = server.Connect();
        Assert.Equal("+OK\r\n", other.Call("SET", "mid-reply", new string('m', Size)));
        var connected = registry.Count;

        using (var leaver = server.Connect())
        {
            Assert.True(SpinWait.SpinUntil(() => registry.Count == connected + 1, TimeSpan.FromSeconds(10)));

            // Three replies of 8 MB: far more than the socket buffers hold, so the server is still writing when it closes.
            leaver.Send("GET mid-reply\r\nGET mid-reply\r\nGET mid-reply\r\n");
            var first = new byte[64 * 1024];
            var got = 0;
            while (got < first.Length)
            {
                got += leaver.Socket.Receive(first, got, first.Length - got, SocketFlags.None);
            }

            Assert.Equal("+PONG\r\n", other.Call("PING"));
        }

        Assert.True(SpinWait.SpinUntil(() => registry.Count == connected, TimeSpan.FromSeconds(10)), "the connection left the registry");
        Assert.Equal("+PONG\r\n", other.Call("PING"));
        Assert.Equal($":{Size}\r\n", other.Call("STRLEN", "mid-reply"));
    }

    private static long TotalCommandsProcessed(string info)
    {
        const string Field = "total_commands_processed:";
        var line = info.Split("\r\n").Single(l => l.StartsWith(Field, StringComparison.Ordinal));
        return long.Parse(line[Field.Length..], CultureInfo.InvariantCulture);
    }

    private static void ReadAll(Socket socket, long expected, ref long received)
    {
        var buffer = new byte[256 * 1024];
        while (Volatile.Read(ref received) < expected)
        {
            var read = socket.Receive(buffer);
            if (read == 0)
            {
                return;
            }

            Interlocked.Add(ref received, read);
        }
    }

    public sealed class Server : EventLoopServerFixture;
}
