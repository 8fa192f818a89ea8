using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Common;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// The pubsub class of <c>client-output-buffer-limit</c>: a subscriber that does not read is closed once the messages
/// other connections publish take its pending output over the limit (Redis's <c>closeClientOnOutputBufferLimitReached(c, 1)</c>
/// from <c>_addReplyToBufferOrList</c>), while a normal client with the same output is left alone.
/// </summary>
public static class PubSubOutputBufferLimitTests
{
    private const string Why = "Messages from other connections: the blocking transport serves one connection at a time.";

    /// <summary>Each message: a few of them fill the loopback socket buffers, after which they stay pending in the server.</summary>
    private const int MessageLength = 256 * 1024;

    /// <summary>Enough messages (256 MB) to pass any socket buffering and either limit, whatever the kernel's sizes.</summary>
    private const int MaxMessages = 1000;

    private static readonly string Message = new('m', MessageLength);

    private static void SubscribeWithoutReading(WireClient subscriber, string channel)
    {
        subscriber.Call("SUBSCRIBE", channel);
        subscriber.Socket.ReceiveBufferSize = 64 * 1024;
    }

    /// <summary>Publishes until the subscriber is gone (PUBLISH answers 0) and returns how many messages reached it.</summary>
    private static int PublishUntilDropped(WireClient publisher, string channel, Func<bool> stop)
    {
        for (var i = 0; i < MaxMessages; i++)
        {
            if (publisher.Call("PUBLISH", channel, Message) == ":0\r\n" || stop())
            {
                return i;
            }
        }

        return MaxMessages;
    }

    [TransportSpecific(Why)]
    public sealed class Hard(Hard.Server server) : IClassFixture<Hard.Server>
    {
        [Fact]
        public void ClosesASubscriberThatDoesNotReadOnceMessagesPassTheHardLimit()
        {
            var statistics = server.Services.GetRequiredService<ServerStatistics>();
            var before = statistics.OutputBufferLimitDisconnections;
            using var subscriber = server.Connect();
            using var publisher = server.Connect();
            SubscribeWithoutReading(subscriber, "obl:hard");

            var delivered = PublishUntilDropped(publisher, "obl:hard", () => false);

            Assert.True(delivered < MaxMessages, "the subscriber was never closed");
            Assert.Equal(before + 1, statistics.OutputBufferLimitDisconnections);
            Assert.Equal("*2\r\n$8\r\nobl:hard\r\n:0\r\n", publisher.Call("PUBSUB", "NUMSUB", "obl:hard"));
            Assert.True(IsReset(subscriber), "its pending output was dropped and the connection closed");
        }

        [Fact]
        public void LeavesANormalClientWithTheSameOutputAlone()
        {
            var statistics = server.Services.GetRequiredService<ServerStatistics>();
            var before = statistics.OutputBufferLimitDisconnections;
            using var client = server.Connect();
            client.Call("SET", "obl:big", Message);
            client.Socket.ReceiveBufferSize = 64 * 1024;

            // 64 MB of replies unread: far past the pubsub class's hard limit, but the normal class has none.
            var commands = statistics.CommandsProcessed;
            for (var i = 0; i < 256; i++)
            {
                client.SendCommand("GET", "obl:big");
            }

            Assert.True(SpinWait.SpinUntil(() => statistics.CommandsProcessed >= commands + 256, TimeSpan.FromSeconds(60)));
            Assert.Equal(before, statistics.OutputBufferLimitDisconnections);
        }

        public sealed class Server : EventLoopServerFixture
        {
            protected override void Configure(IDictionary<string, string?> settings) =>
                settings["Redis:ClientOutputBufferLimit"] = "pubsub 4mb 0 0";
        }
    }

    [TransportSpecific(Why)]
    public sealed class Soft(Soft.Server server) : IClassFixture<Soft.Server>
    {
        [Fact]
        public void ClosesASubscriberOverTheSoftLimitForMoreThanItsSeconds()
        {
            var statistics = server.Services.GetRequiredService<ServerStatistics>();
            var before = statistics.OutputBufferLimitDisconnections;
            using var subscriber = server.Connect();
            using var publisher = server.Connect();
            SubscribeWithoutReading(subscriber, "obl:soft");

            // Over the soft limit: the first delivery that finds it so starts its timer, on the server's clock.
            var delivered = PublishUntilDropped(publisher, "obl:soft", () => statistics.ClientRecentMaxOutputBuffer > 2 * SoftLimit);
            Assert.True(delivered < MaxMessages);
            publisher.Call("PUBLISH", "obl:soft", Message);

            server.Clock.Advance(TimeSpan.FromSeconds(SoftSeconds));
            Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "obl:soft", Message));
            Assert.Equal(before, statistics.OutputBufferLimitDisconnections);

            server.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "obl:soft", Message));
            Assert.Equal(before + 1, statistics.OutputBufferLimitDisconnections);
            Assert.Equal(":0\r\n", publisher.Call("PUBLISH", "obl:soft", Message));
        }

        private const int SoftLimit = 1024 * 1024;
        private const int SoftSeconds = 10;

        public sealed class Server : EventLoopServerFixture
        {
            protected override void Configure(IDictionary<string, string?> settings) =>
                settings["Redis:ClientOutputBufferLimit"] = $"pubsub 0 {SoftLimit / 1024}kb {SoftSeconds}";
        }
    }

    private static bool IsReset(WireClient client)
    {
        var buffer = new byte[64 * 1024];
        client.Socket.ReceiveTimeout = 30_000;
        try
        {
            while (client.Socket.Receive(buffer) > 0)
            {
            }

            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }
}
