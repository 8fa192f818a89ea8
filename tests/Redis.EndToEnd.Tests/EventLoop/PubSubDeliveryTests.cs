using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Sessions;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>Messages published on one connection reaching subscribers on others, which only the event loop serves at once.</summary>
/// <remarks>Each test reads what the subscriber was sent without it sending anything: the loop writes it on its own.</remarks>
[TransportSpecific("A message reaches another connection: the blocking transport serves one connection at a time.")]
public sealed class PubSubDeliveryTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    [Fact]
    public void AMessageReachesTheSubscriberWithoutItSendingAnything()
    {
        using var subscriber = server.Connect();
        using var publisher = server.Connect();
        subscriber.Call("SUBSCRIBE", "d:news");

        Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "d:news", "hello"));

        Assert.Equal("*3\r\n$7\r\nmessage\r\n$6\r\nd:news\r\n$5\r\nhello\r\n", subscriber.ReadReplyText());
    }

    [Fact]
    public void PatternSubscribersGetPmessageAndEveryDeliveryCounts()
    {
        using var first = server.Connect();
        using var second = server.Connect();
        using var publisher = server.Connect();
        first.Call("SUBSCRIBE", "d:sport.tennis");
        first.Call("PSUBSCRIBE", "d:sport.*");
        second.Call("PSUBSCRIBE", "d:*.tennis");

        Assert.Equal(":3\r\n", publisher.Call("PUBLISH", "d:sport.tennis", "set"));

        Assert.Equal("*3\r\n$7\r\nmessage\r\n$14\r\nd:sport.tennis\r\n$3\r\nset\r\n", first.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$9\r\nd:sport.*\r\n$14\r\nd:sport.tennis\r\n$3\r\nset\r\n", first.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$10\r\nd:*.tennis\r\n$14\r\nd:sport.tennis\r\n$3\r\nset\r\n", second.ReadReplyText());
        Assert.Equal("*4\r\n$14\r\nd:sport.tennis\r\n:1\r\n$9\r\nd:missing\r\n:0\r\n", publisher.Call("PUBSUB", "NUMSUB", "d:sport.tennis", "d:missing"));
    }

    [Fact]
    public void ShardMessagesStayInTheirOwnNamespace()
    {
        using var subscriber = server.Connect();
        using var publisher = server.Connect();
        subscriber.Call("SSUBSCRIBE", "d:shard");
        subscriber.Call("PSUBSCRIBE", "d:shard*");

        Assert.Equal(":1\r\n", publisher.Call("SPUBLISH", "d:shard", "m"));
        Assert.Equal("*3\r\n$8\r\nsmessage\r\n$7\r\nd:shard\r\n$1\r\nm\r\n", subscriber.ReadReplyText());
        Assert.Equal("*4\r\n$7\r\nd:shard\r\n:1\r\n$3\r\nd:x\r\n:0\r\n", publisher.Call("PUBSUB", "SHARDNUMSUB", "d:shard", "d:x"));
    }

    [Fact]
    public void AMessageNeverLandsInsideAReplyTheSubscriberIsBeingSent()
    {
        using var subscriber = server.Connect();
        using var publisher = server.Connect();
        subscriber.Call("SUBSCRIBE", "d:order");

        // A 4 MB PING reply is still being written (the subscriber reads nothing yet) when the messages are queued.
        var big = new string('x', 4 * 1024 * 1024);
        subscriber.SendCommand("PING", big);
        Assert.True(SpinWait.SpinUntil(() => publisher.Call("CLIENT", "LIST").Contains("cmd=ping", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "d:order", "m" + i));
        }

        Assert.Equal("*2\r\n$4\r\npong\r\n$" + big.Length + "\r\n" + big + "\r\n", subscriber.ReadReplyText());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"*3\r\n$7\r\nmessage\r\n$7\r\nd:order\r\n$2\r\nm{i}\r\n", subscriber.ReadReplyText());
        }
    }

    [Fact]
    public void ClientListAndInfoShowTheSubscriptions()
    {
        // Alone on the server (earlier tests' connections closed), so the server-wide counts are this test's.
        var registry = server.Services.GetRequiredService<ClientRegistry>();
        Assert.True(SpinWait.SpinUntil(() => registry.Count == 0, TimeSpan.FromSeconds(30)));
        using var subscriber = server.Connect();
        using var other = server.Connect();
        Assert.Equal(0, Stat(other.Call("INFO", "stats"), "pubsub_channels"));
        subscriber.SendCommand("SUBSCRIBE", "d:l1", "d:l2");
        subscriber.ReadReply();
        subscriber.ReadReply();
        subscriber.Call("PSUBSCRIBE", "d:l*");
        subscriber.Call("SSUBSCRIBE", "d:ls");

        var line = other.Call("CLIENT", "LIST", "TYPE", "pubsub");
        Assert.Contains(" flags=P ", line, StringComparison.Ordinal);
        Assert.Contains(" sub=2 psub=1 ssub=1 ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cmd=client|list", line, StringComparison.Ordinal);
        Assert.Contains(" flags=N ", other.Call("CLIENT", "INFO"), StringComparison.Ordinal);
        var stats = other.Call("INFO", "stats");
        Assert.Equal((2, 1, 1), (Stat(stats, "pubsub_channels"), Stat(stats, "pubsub_patterns"), Stat(stats, "pubsubshard_channels")));
    }

    private static long Stat(string info, string name)
    {
        var start = info.IndexOf("\r\n" + name + ":", StringComparison.Ordinal) + name.Length + 3;
        return long.Parse(info.AsSpan(start, info.IndexOf('\r', start) - start), System.Globalization.CultureInfo.InvariantCulture);
    }
}
