using System.Globalization;
using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>Real clients' pub/sub: StackExchange.Redis's <see cref="ISubscriber"/> with its defaults, and redis-cli's SUBSCRIBE.</summary>
[TransportSpecific("A subscriber and a publisher are two connections open at once, which the blocking transport serves one after another.")]
public sealed class PubSubClientsTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    /// <summary>A hang guard only: no assertion depends on how long anything takes.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task StackExchangeRedisSubscribesToAChannelAndAPatternWithItsDefaults()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:" + Port);
        var subscriber = redis.GetSubscriber();
        var literal = new TaskCompletionSource<(string Channel, string Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pattern = new TaskCompletionSource<(string Channel, string Message)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.SubscribeAsync(RedisChannel.Literal("se:news"), (channel, message) => literal.TrySetResult((channel!, message!)));
        await subscriber.SubscribeAsync(RedisChannel.Pattern("se:n*"), (channel, message) => pattern.TrySetResult((channel!, message!)));

        var receivers = await subscriber.PublishAsync(RedisChannel.Literal("se:news"), "hello");

        Assert.Equal(2, receivers);
        Assert.Equal(("se:news", "hello"), await literal.Task.WaitAsync(HangGuard));
        Assert.Equal(("se:news", "hello"), await pattern.Task.WaitAsync(HangGuard));
        await subscriber.UnsubscribeAllAsync();
        Assert.Equal(0, await subscriber.PublishAsync(RedisChannel.Literal("se:news"), "again"));
    }

    /// <summary>
    /// Keyspace notifications reach a StackExchange.Redis pattern subscription with its defaults: the events of another
    /// connection's SET and DEL, and <c>expired</c> from the active cycle once the fake clock passes the key's time (no
    /// command touches the key: the PING only wakes the loop, whose next tick is due on the advanced clock).
    /// </summary>
    [Fact]
    public async Task StackExchangeRedisReceivesKeyspaceNotifications()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:" + Port);
        using var admin = server.Connect();
        Assert.Equal("+OK\r\n", admin.Call("CONFIG", "SET", "notify-keyspace-events", "KEg$x"));
        try
        {
            var subscriber = redis.GetSubscriber();

            // A handler callback runs concurrently with the next one (the library's default), so two messages could be
            // seen out of order; the message queue hands them over in the order the server sent them.
            var keyspace = await subscriber.SubscribeAsync(RedisChannel.Pattern("__keyspace@0__:note:*"));
            var expired = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await subscriber.SubscribeAsync(RedisChannel.Literal("__keyevent@0__:expired"), (_, key) => expired.TrySetResult(key!));

            Assert.Equal("+OK\r\n", admin.Call("SET", "note:a", "1"));
            Assert.Equal(":1\r\n", admin.Call("DEL", "note:a"));
            var set = await keyspace.ReadAsync().AsTask().WaitAsync(HangGuard);
            var del = await keyspace.ReadAsync().AsTask().WaitAsync(HangGuard);
            Assert.Equal(("__keyspace@0__:note:a", "set"), ((string)set.Channel!, (string)set.Message!));
            Assert.Equal(("__keyspace@0__:note:a", "del"), ((string)del.Channel!, (string)del.Message!));

            Assert.Equal("+OK\r\n", admin.Call("SET", "note:b", "1", "PX", "100"));
            server.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("+PONG\r\n", admin.Call("PING"));

            Assert.Equal("note:b", await expired.Task.WaitAsync(HangGuard));
            Assert.Equal(":0\r\n", admin.Call("DBSIZE"));
        }
        finally
        {
            admin.Call("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    /// <summary>redis-cli prints each message as it arrives; redis-server 7.0.15 makes it print exactly these lines.</summary>
    [Fact]
    public async Task RedisCliSubscribePrintsMessagesAsTheyArrive()
    {
        using var cli = ExternalTool.Start(ExternalTool.Require("redis-cli"), ["-h", "127.0.0.1", "-p", Port, "SUBSCRIBE", "cli:chan"]);
        try
        {
            Assert.Equal(["subscribe", "cli:chan", "1"], await Lines(cli.StandardOutput, 3));
            using var publisher = server.Connect();
            Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "cli:chan", "hello"));
            Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "cli:chan", "two words"));

            Assert.Equal(["message", "cli:chan", "hello", "message", "cli:chan", "two words"], await Lines(cli.StandardOutput, 6));
        }
        finally
        {
            cli.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string[]> Lines(StreamReader output, int count)
    {
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = await output.ReadLineAsync().WaitAsync(HangGuard) ?? "(end of output)";
        }

        return lines;
    }
}
