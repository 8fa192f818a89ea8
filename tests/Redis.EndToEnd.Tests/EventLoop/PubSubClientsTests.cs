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
