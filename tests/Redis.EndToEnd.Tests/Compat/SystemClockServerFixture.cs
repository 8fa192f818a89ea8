namespace Redis.EndToEnd.Tests.Compat;

/// <summary>This server on the machine's clock, beside a real redis-server: what <see cref="DifferentialTests"/> compares.</summary>
public interface ISystemClockServers
{
    ReferenceRedisServer Reference { get; }

    /// <summary>This server's port.</summary>
    int Port { get; }

    WireClient Connect();
}

/// <summary>This server, composed as Program composes it, with the real system clock, beside a real redis-server.</summary>
/// <remarks>
/// The differential tests compare replies with a redis-server whose clock is the machine's, so this server must use
/// the same clock, not the fake one of <see cref="ServerFixture"/>: a TTL set by both must count down alike.
/// </remarks>
public sealed class SystemClockServerFixture<TTransport> : ServerFixture<TTransport>, ISystemClockServers, IDisposable
    where TTransport : ITransport
{
    public ReferenceRedisServer Reference { get; } = new();

    protected override bool UsesFakeClock => false;

    public void Dispose() => Reference.Dispose();
}
