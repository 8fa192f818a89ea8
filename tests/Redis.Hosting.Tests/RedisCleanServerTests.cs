using System.Net;
using Microsoft.Extensions.Time.Testing;
using Redis.Testing;

namespace Redis.Hosting.Tests;

/// <summary>Starting, configuring and stopping a server inside the test process.</summary>
public sealed class RedisCleanServerTests
{
    [Fact]
    public async Task StartsOnAFreeLoopbackPortWithTheEventLoop()
    {
        await using var first = await RedisCleanServer.StartAsync();
        await using var second = await RedisCleanServer.StartAsync();

        Assert.Equal(IPAddress.Loopback, first.EndPoint.Address);
        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal($"127.0.0.1:{first.Port},allowAdmin=true", first.ConfigurationString);

        // Two connections at once: the event loop serves both.
        using var a = new WireClient(first.EndPoint);
        using var b = new WireClient(first.EndPoint);
        Assert.Equal("+OK\r\n", a.Call("SET", "k", "v"));
        Assert.Equal("$1\r\nv\r\n", b.Call("GET", "k"));
        Assert.Contains("io-model\r\n$10\r\nevent-loop", a.Call("CONFIG", "GET", "io-model"), StringComparison.Ordinal);
        using var other = new WireClient(second.EndPoint);
        Assert.Equal("$-1\r\n", other.Call("GET", "k"));
    }

    [Fact]
    public async Task SettingsByTheirRedisNamesReachTheServer()
    {
        var options = new RedisCleanServerOptions { IoModel = "blocking" };
        options.Settings["databases"] = "4";
        options.Settings["notify-keyspace-events"] = "Ex";
        await using var server = await RedisCleanServer.StartAsync(options);

        using var client = new WireClient(server.EndPoint);
        Assert.Equal("*2\r\n$9\r\ndatabases\r\n$1\r\n4\r\n", client.Call("CONFIG", "GET", "databases"));
        Assert.Equal("-ERR DB index is out of range\r\n", client.Call("SELECT", "4"));
        Assert.Contains("$8\r\nblocking", client.Call("CONFIG", "GET", "io-model"), StringComparison.Ordinal);

        // The standalone blocking server's 300-second idle timeout is off in-process: moving a clock must not close this.
        Assert.Equal("*2\r\n$7\r\ntimeout\r\n$1\r\n0\r\n", client.Call("CONFIG", "GET", "timeout"));
    }

    [Fact]
    public async Task AnUnknownSettingIsRefusedByName()
    {
        var options = new RedisCleanServerOptions();
        options.Settings["maxmemry"] = "1mb";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RedisCleanServer.StartAsync(options));

        Assert.StartsWith("The server has no setting 'maxmemry'. Its settings: port, bind, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueTheServerRefusesIsOneLineNamingTheSetting()
    {
        var options = new RedisCleanServerOptions();
        options.Settings["hz"] = "0";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RedisCleanServer.StartAsync(options));

        Assert.StartsWith("Invalid settings: The field Hz must be between 1 and 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachServerHasADirectoryOfItsOwnAndRemovesItWhenStopped()
    {
        string directory;
        await using (var server = await RedisCleanServer.StartAsync())
        {
            using var client = new WireClient(server.EndPoint);
            client.Call("SET", "saved", "1");
            Assert.Equal("+OK\r\n", client.Call("SAVE"));
            directory = client.Call("CONFIG", "GET", "dir").Split("\r\n")[4];
            Assert.True(File.Exists(Path.Combine(directory, "dump.rdb")));
        }

        Assert.False(Directory.Exists(directory));
        await using var next = await RedisCleanServer.StartAsync();
        using var fresh = new WireClient(next.EndPoint);
        Assert.Equal(":0\r\n", fresh.Call("DBSIZE"));
    }

    [Fact]
    public async Task FlushAllEmptiesEveryDatabase()
    {
        await using var server = await RedisCleanServer.StartAsync();
        using var client = new WireClient(server.EndPoint);
        client.Call("SET", "a", "1");
        client.Call("SELECT", "3");
        client.Call("SET", "b", "2");

        await server.FlushAllAsync();

        Assert.Equal(":0\r\n", client.Call("DBSIZE"));
        client.Call("SELECT", "0");
        Assert.Equal(":0\r\n", client.Call("DBSIZE"));
    }

    [Fact]
    public async Task TheServerRunsOnTheClockItIsGiven()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await RedisCleanServer.StartAsync(new RedisCleanServerOptions { TimeProvider = clock });
        using var client = new WireClient(server.EndPoint);

        Assert.Same(clock, server.TimeProvider);
        Assert.StartsWith($"*2\r\n$10\r\n{clock.GetUtcNow().ToUnixTimeSeconds()}\r\n", client.Call("TIME"), StringComparison.Ordinal);
        client.Call("SET", "k", "v", "EX", "100");
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(":60\r\n", client.Call("TTL", "k"));
        Assert.Equal($":{clock.GetUtcNow().ToUnixTimeSeconds() + 60}\r\n", client.Call("EXPIRETIME", "k"));
    }

    [Theory]
    [InlineData("event-loop")]
    [InlineData("blocking")]
    public async Task IdleConnectionsCloseByTheServersClock(string ioModel)
    {
        var clock = new FakeTimeProvider();
        var options = new RedisCleanServerOptions { IoModel = ioModel, TimeProvider = clock };
        options.Settings["timeout"] = "1";
        await using var server = await RedisCleanServer.StartAsync(options);
        using var idle = new WireClient(server.EndPoint);
        Assert.Equal("+PONG\r\n", idle.Call("PING"));

        clock.Advance(TimeSpan.FromMilliseconds(1001));

        Assert.True(idle.IsClosedByServer());
    }
}
