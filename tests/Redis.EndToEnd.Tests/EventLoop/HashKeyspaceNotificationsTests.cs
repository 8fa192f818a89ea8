using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// The hash commands' keyspace events, as redis-server 7.0.15 sent them to a <c>PSUBSCRIBE __keyevent@*__:*</c> client
/// with <c>notify-keyspace-events Eghn</c>: nothing for a command that changes nothing.
/// </summary>
[TransportSpecific("The subscriber is another connection: the blocking transport serves one connection at a time.")]
public sealed class HashKeyspaceNotificationsTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    [Fact]
    public void HashCommandsPublishTheirEventsAndDelWhenTheLastFieldGoes()
    {
        using var subscriber = server.Connect();
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "notify-keyspace-events", "Eghn"));
        subscriber.Call("PSUBSCRIBE", "__keyevent@*__:*");

        client.Call("HSET", "kh", "a", "1");
        client.Call("HINCRBY", "kh", "n", "1");
        client.Call("HINCRBYFLOAT", "kh", "f", "1.5");
        Assert.Equal(":0\r\n", client.Call("HSETNX", "kh", "a", "2"));
        client.Call("HSETNX", "kh", "b", "2");
        Assert.Equal(":0\r\n", client.Call("HDEL", "kh", "zz"));
        client.Call("HMSET", "kh", "c", "3");
        Assert.Equal(":5\r\n", client.Call("HDEL", "kh", "a", "b", "n", "f", "c"));

        foreach (var name in new[] { "new", "hset", "hincrby", "hincrbyfloat", "hset", "hset", "hdel", "del" })
        {
            var channel = "__keyevent@0__:" + name;
            Assert.Equal($"*4\r\n$8\r\npmessage\r\n$16\r\n__keyevent@*__:*\r\n${channel.Length}\r\n{channel}\r\n$2\r\nkh\r\n", subscriber.ReadReplyText());
        }

        client.Call("CONFIG", "SET", "notify-keyspace-events", "");
    }
}
