using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Common;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// The soft <c>client-output-buffer-limit</c>: with the event loop a client that does not read keeps its output
/// pending, and is closed once it has stayed over the soft limit for more than its seconds, on the server's clock.
/// </summary>
[TransportSpecific("Only the event loop keeps a non-reading client's output pending; the blocking server waits in send (SlowReaderTests).")]
public sealed class EventLoopSoftOutputBufferLimitTests(EventLoopSoftOutputBufferLimitTests.Server server)
    : IClassFixture<EventLoopSoftOutputBufferLimitTests.Server>
{
    private const int SoftLimit = 256 * 1024;
    private const int SoftSeconds = 10;
    private const int ValueLength = 1024 * 1024;

    /// <summary>40 MB of replies: more than the loopback socket buffers take, so most of it stays pending in the server.</summary>
    private const int PipelinedGets = 40;

    [Fact]
    public void ClosesAClientOverTheSoftLimitForMoreThanItsSecondsAtItsNextReply()
    {
        var statistics = server.Services.GetRequiredService<ServerStatistics>();
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SET", "big", new string('v', ValueLength)));
        var disconnections = statistics.OutputBufferLimitDisconnections;
        var commands = statistics.CommandsProcessed;

        // The client reads nothing from here on.
        client.Send(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET big\r\n", PipelinedGets))));
        Assert.True(SpinWait.SpinUntil(() => statistics.CommandsProcessed == commands + PipelinedGets, TimeSpan.FromSeconds(10)));
        Assert.True(SpinWait.SpinUntil(() => statistics.ClientRecentMaxOutputBuffer > SoftLimit, TimeSpan.FromSeconds(10)),
            "the periodic tick records the pending output as client_recent_max_output_buffer");

        // Over the soft limit for exactly its seconds: not yet more than them.
        server.Clock.Advance(TimeSpan.FromSeconds(SoftSeconds));
        client.Send("GET big\r\n");
        Assert.True(SpinWait.SpinUntil(() => statistics.CommandsProcessed == commands + PipelinedGets + 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(disconnections, statistics.OutputBufferLimitDisconnections);

        server.Clock.Advance(TimeSpan.FromSeconds(1));
        client.Send("GET big\r\n");
        Assert.True(SpinWait.SpinUntil(() => statistics.OutputBufferLimitDisconnections == disconnections + 1, TimeSpan.FromSeconds(10)));

        using var other = server.Connect();
        Assert.Equal("+PONG\r\n", other.Call("PING"));
    }

    [Fact]
    public void RecordsTheLargestRecentQueryBuffer()
    {
        var statistics = server.Services.GetRequiredService<ServerStatistics>();
        using var client = server.Connect();

        // An unfinished request is the only input a connection keeps a buffer of its own for.
        client.Send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000\r\n" + new string('x', 50_000));

        Assert.True(SpinWait.SpinUntil(() => statistics.ClientRecentMaxInputBuffer >= 50_000, TimeSpan.FromSeconds(10)));
        client.Send(new string('x', 50_000) + "\r\n");
        Assert.Equal("+OK\r\n", client.ReadReplyText());
    }

    public sealed class Server : EventLoopServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:ClientOutputBufferLimit"] = $"normal 0 {SoftLimit / 1024}kb {SoftSeconds}";
    }
}
