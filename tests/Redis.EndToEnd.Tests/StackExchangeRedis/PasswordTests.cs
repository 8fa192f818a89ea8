using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.StackExchangeRedis;

/// <summary>StackExchange.Redis authenticates with <c>ConfigurationOptions.Password</c> (and <c>User</c>) against a server with <c>requirepass</c>.</summary>
public abstract class PasswordTests(ServerFixture server)
{
    public sealed class Blocking(PasswordServerFixture<BlockingTransport> server) : PasswordTests(server), IClassFixture<PasswordServerFixture<BlockingTransport>>;

    public sealed class EventLoop(PasswordServerFixture<EventLoopTransport> server) : PasswordTests(server), IClassFixture<PasswordServerFixture<EventLoopTransport>>;

    [Fact]
    public async Task ConnectsWithThePasswordAndRunsCommands()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint, PasswordServerFixture.Password);
        var db = redis.GetDatabase();

        Assert.True(await db.StringSetAsync("se:auth", "value"));
        Assert.Equal("value", (string?)await db.StringGetAsync("se:auth"));
    }

    [Fact]
    public async Task ConnectsWithUserDefaultAndThePassword()
    {
        await using var redis = await SeRedis.ConnectAsync(server.EndPoint, PasswordServerFixture.Password, user: "default");

        Assert.True(await redis.GetDatabase().PingAsync() >= TimeSpan.Zero);
    }

    [Fact]
    public async Task FailsToConnectWithAWrongPassword()
    {
        var options = SeRedis.Options(server.EndPoint, "wrong");
        options.ConnectTimeout = 3_000;

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));

        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
    }
}
