using Redis.Hosting.Xunit;
using Redis.Testing;
using StackExchange.Redis;

namespace Redis.Hosting.Tests;

/// <summary>The xunit fixture's server follows the fixture's clock: expiry, notifications and timeouts, with no waiting.</summary>
public sealed class RedisCleanFixtureTests(RedisCleanFixtureTests.Fixture redis) : IClassFixture<RedisCleanFixtureTests.Fixture>, IAsyncLifetime
{
    /// <summary>Expired-key events on. No idle timeout: moving the clock would close the tests' own connections.</summary>
    public sealed class Fixture : RedisCleanFixture
    {
        protected override void Configure(RedisCleanServerOptions options) => options.Settings["notify-keyspace-events"] = "Ex";
    }

    public Task InitializeAsync() => redis.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task KeysPastTheirTimeLeaveDbsizeAndScanAndTheirEventsArrive()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConfigurationString);
        var expired = new List<string>();
        var all = new TaskCompletionSource();
        await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal("__keyevent@0__:expired"), (_, key) =>
        {
            lock (expired)
            {
                expired.Add(key!);
                if (expired.Count == 100)
                {
                    all.SetResult();
                }
            }
        });
        var db = connection.GetDatabase();
        for (var i = 0; i < 200; i++)
        {
            if (i < 100)
            {
                await db.StringSetAsync($"k{i:000}", "v", TimeSpan.FromMinutes(10));
            }
            else
            {
                await db.StringSetAsync($"k{i:000}", "v");
            }
        }

        redis.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMilliseconds(1));

        var server = connection.GetServer(redis.Server.EndPoint);
        Assert.Equal(100, await server.DatabaseSizeAsync());
        Assert.Equal(100, server.Keys(pattern: "k*").Count());
        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"k{i:000}"), expired.Order());
    }

    [Fact]
    public void ABlockingCommandTimesOutWhenTheClockPassesItsTimeout()
    {
        using var client = new WireClient(redis.Server.EndPoint);
        client.SendCommand("BLPOP", "queue", "5");
        using var observer = new WireClient(redis.Server.EndPoint);
        WaitUntil(() => observer.Call("INFO", "clients").Contains("blocked_clients:1", StringComparison.Ordinal));

        redis.Advance(TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(1));

        Assert.Equal("*-1\r\n", client.ReadReplyText());
    }

    // The server's own progress (a client seen blocked), not time: the serving thread reports it over the wire.
    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the server did not get there");
            Thread.Sleep(1);
        }
    }
}
