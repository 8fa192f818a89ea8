using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Sessions;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Transport;

namespace Redis.Infrastructure.Tests.Transport;

/// <summary>Redis's <c>checkClientOutputBufferLimits</c>: the hard limit at once, the soft one after its seconds without a break.</summary>
public sealed class OutputBufferLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void HardLimitClosesAtTheLimit()
    {
        var limiter = Limiter("normal 1000 0 0");
        var limit = limiter.For(Session());
        var since = 0L;

        Assert.False(limiter.IsReached(limit, 999, ref since));
        Assert.True(limiter.IsReached(limit, 1000, ref since));
    }

    [Fact]
    public void SoftLimitClosesOnlyAfterItsSecondsOverItWithoutABreak()
    {
        var limiter = Limiter("normal 0 100 10");
        var limit = limiter.For(Session());
        var since = 0L;

        Assert.False(limiter.IsReached(limit, 100, ref since));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(limiter.IsReached(limit, 500, ref since));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.IsReached(limit, 100, ref since));
    }

    [Fact]
    public void DroppingBelowTheSoftLimitRestartsItsTime()
    {
        var limiter = Limiter("normal 0 100 10");
        var limit = limiter.For(Session());
        var since = 0L;

        Assert.False(limiter.IsReached(limit, 100, ref since));
        _clock.Advance(TimeSpan.FromSeconds(8));
        Assert.False(limiter.IsReached(limit, 99, ref since));
        Assert.Equal(0, since);
        Assert.False(limiter.IsReached(limit, 100, ref since));
        _clock.Advance(TimeSpan.FromSeconds(8));
        Assert.False(limiter.IsReached(limit, 100, ref since));
    }

    [Fact]
    public void NoLimitNeverChecks()
    {
        var limiter = Limiter(ClientOutputBufferLimits.Default);

        Assert.Equal(long.MaxValue, OutputBufferLimiter.CheckAt(limiter.For(Session()), sent: 123));
    }

    [Fact]
    public void ChecksCountOnlyUnsentOutput()
    {
        Assert.Equal(1500, OutputBufferLimiter.CheckAt(new OutputBufferLimit(1000, 0, 0), sent: 500));
    }

    [Fact]
    public void ASubscribedClientIsOfThePubSubClassUntilItUnsubscribes()
    {
        var limiter = Limiter("normal 0 0 0 pubsub 1000 500 5");
        var pubSub = new PubSubRegistry();
        var session = new ClientRegistry(new DefaultUser(new ServerSettings(Options.Create(new RedisServerOptions()))), pubSub).Open(null, null);

        Assert.Equal(OutputBufferLimit.None, limiter.For(session));
        pubSub.PSubscribe(session, ["p*"u8.ToArray()]);
        Assert.Equal(new OutputBufferLimit(1000, 500, 5), limiter.For(session));
        pubSub.PUnsubscribe(session, []);
        Assert.Equal(OutputBufferLimit.None, limiter.For(session));
    }

    private OutputBufferLimiter Limiter(string text)
    {
        Assert.True(ClientOutputBufferLimits.TryParse(text, out var limits, out _));
        return new OutputBufferLimiter(limits, _clock);
    }

    private static ClientSession Session() =>
        new ClientRegistry(new DefaultUser(new ServerSettings(Options.Create(new RedisServerOptions())))).Open("127.0.0.1:1", "127.0.0.1:6379");
}
