using System.Text;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.PubSub;

public class PubSubRegistryTests
{
    private readonly PubSubRegistry _pubSub = new();
    private readonly ClientRegistry _clients;

    public PubSubRegistryTests() => _clients = new ClientRegistry(new DefaultUser(TestSettings.None), _pubSub);

    [Fact]
    public void ConfirmsEachChannelWithTheCountAfterIt()
    {
        var (session, _) = Open();

        var reply = _pubSub.Subscribe(session, Names("a", "b", "a"));

        Assert.Equal(
            "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:2\r\n",
            Encode(reply, RespVersion.Resp2));
        Assert.Equal(">3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n", Encode(reply.Items[0], RespVersion.Resp3));
        Assert.True(session.IsSubscriber);
        Assert.True(session.InSubscriberMode);
        Assert.Equal(2, session.ChannelSubscriptionCount);
        Assert.Equal(1, _pubSub.SubscriberCount("a"u8));
        Assert.Equal(2, _pubSub.ChannelCount);
    }

    [Fact]
    public void CountsChannelsAndPatternsTogetherAndShardChannelsApart()
    {
        var (session, _) = Open();
        _pubSub.Subscribe(session, Names("a"));

        Assert.Equal(":2\r\n", Encode(_pubSub.PSubscribe(session, Names("p*")).Items[0].Items[2], RespVersion.Resp2));
        Assert.Equal(":1\r\n", Encode(_pubSub.SSubscribe(session, Names("s")).Items[0].Items[2], RespVersion.Resp2));
        Assert.Equal((1, 1, 1), (session.ChannelSubscriptionCount, session.PatternSubscriptionCount, session.ShardChannelSubscriptionCount));
        Assert.Equal((1, 1, 1), (_pubSub.ChannelCount, _pubSub.PatternCount, _pubSub.ShardChannelCount));
    }

    [Fact]
    public void UnsubscribingFromNothingAnswersANullChannelAndZero()
    {
        var (session, _) = Open();

        var reply = _pubSub.Unsubscribe(session, []);

        Assert.Equal("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n", Encode(reply, RespVersion.Resp2));
        Assert.Equal(">3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n", Encode(reply, RespVersion.Resp3));
        Assert.Equal("*3\r\n$12\r\npunsubscribe\r\n$-1\r\n:0\r\n", Encode(_pubSub.PUnsubscribe(session, []), RespVersion.Resp2));
        Assert.False(session.IsSubscriber);
    }

    [Fact]
    public void UnsubscribingFromEverythingGoesInSubscriptionOrderAndLeavesPatterns()
    {
        var (session, _) = Open();
        _pubSub.Subscribe(session, Names("z", "a", "m"));
        _pubSub.PSubscribe(session, Names("p*"));

        var reply = _pubSub.Unsubscribe(session, []);

        Assert.Equal(["z", "a", "m"], reply.Items.Select(r => Encoding.ASCII.GetString(r.Items[1].Bytes)));
        Assert.Equal([3L, 2L, 1L], reply.Items.Select(r => r.Items[2].IntegerValue));
        Assert.True(session.IsSubscriber);
        Assert.Equal(0, _pubSub.ChannelCount);
        _pubSub.PUnsubscribe(session, []);
        Assert.False(session.IsSubscriber);
        Assert.False(session.InSubscriberMode);
        Assert.Equal(0, _pubSub.PatternCount);
    }

    [Fact]
    public void PublishReachesChannelSubscribersThenMatchingPatternsAndCountsEachMessage()
    {
        var (first, firstConnection) = Open();
        var (second, secondConnection) = Open();
        _pubSub.Subscribe(first, Names("news.tech"));
        _pubSub.PSubscribe(first, Names("news.*"));
        _pubSub.PSubscribe(second, Names("sport.*", "news.t??h"));

        var receivers = _pubSub.Publish("news.tech"u8.ToArray(), "hi"u8.ToArray());

        Assert.Equal(3, receivers);
        Assert.Equal(
            ["*3\r\n$7\r\nmessage\r\n$9\r\nnews.tech\r\n$2\r\nhi\r\n", "*4\r\n$8\r\npmessage\r\n$6\r\nnews.*\r\n$9\r\nnews.tech\r\n$2\r\nhi\r\n"],
            firstConnection.Delivered.Select(m => Encode(m, RespVersion.Resp2)));
        Assert.Equal(
            [">4\r\n$8\r\npmessage\r\n$9\r\nnews.t??h\r\n$9\r\nnews.tech\r\n$2\r\nhi\r\n"],
            secondConnection.Delivered.Select(m => Encode(m, RespVersion.Resp3)));
        Assert.Equal(0, _pubSub.Publish("weather"u8.ToArray(), "x"u8.ToArray()));
    }

    [Fact]
    public void ShardMessagesReachShardSubscribersOnlyAndNeverPatterns()
    {
        var (session, connection) = Open();
        _pubSub.SSubscribe(session, Names("s"));
        _pubSub.PSubscribe(session, Names("*"));
        _pubSub.Subscribe(session, Names("s"));

        Assert.Equal(1, _pubSub.PublishShard("s"u8.ToArray(), "m"u8.ToArray()));
        Assert.Equal("*3\r\n$8\r\nsmessage\r\n$1\r\ns\r\n$1\r\nm\r\n", Encode(Assert.Single(connection.Delivered), RespVersion.Resp2));
        Assert.Equal(1, _pubSub.ShardSubscriberCount("s"u8));
        Assert.Equal(1, _pubSub.SubscriberCount("s"u8));
    }

    [Fact]
    public void ClosingAConnectionDropsItsSubscriptions()
    {
        var (session, _) = Open();
        var (other, otherConnection) = Open();
        _pubSub.Subscribe(session, Names("a"));
        _pubSub.PSubscribe(session, Names("*"));
        _pubSub.SSubscribe(session, Names("s"));
        _pubSub.Subscribe(other, Names("a"));

        _clients.Close(session);

        Assert.Equal((1, 0, 0), (_pubSub.ChannelCount, _pubSub.PatternCount, _pubSub.ShardChannelCount));
        Assert.Equal(1, _pubSub.Publish("a"u8.ToArray(), "m"u8.ToArray()));
        Assert.Single(otherConnection.Delivered);
        Assert.False(session.IsSubscriber);
    }

    [Fact]
    public void ListsChannelsMatchingAGlob()
    {
        var (session, _) = Open();
        _pubSub.Subscribe(session, Names("news.a", "news.b", "sport"));

        Assert.Equal(3, _pubSub.Channels(default, matchAll: true).Count);
        Assert.Equal(["news.a", "news.b"], _pubSub.Channels("news.*"u8, matchAll: false).Select(Encoding.ASCII.GetString).Order());
        Assert.Empty(_pubSub.Channels(""u8, matchAll: false));
    }

    [Fact]
    public void AResp3SubscriberIsNotInSubscriberModeUntilItSpeaksResp2()
    {
        var (session, _) = Open();
        session.Protocol = RespVersion.Resp3;
        _pubSub.Subscribe(session, Names("a"));

        Assert.True(session.IsSubscriber);
        Assert.False(session.InSubscriberMode);
        session.Protocol = RespVersion.Resp2;
        Assert.True(session.InSubscriberMode);
    }

    private (ClientSession Session, FakeClientConnection Connection) Open() => FakeClientConnection.Open(_clients, "127.0.0.1:1");

    private static byte[][] Names(params string[] names) => [.. names.Select(Encoding.ASCII.GetBytes)];

    private static string Encode(Reply reply, RespVersion protocol)
    {
        var writer = new ReplyWriter { Protocol = protocol };
        writer.Write(reply);
        return Encoding.ASCII.GetString(writer.Written);
    }
}
