using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Redis.Hosting.Xunit;

/// <summary>
/// A RedisClean server for a test class (<c>IClassFixture&lt;RedisCleanFixture&gt;</c>) or a collection
/// (<c>ICollectionFixture&lt;RedisCleanFixture&gt;</c>), on a <see cref="FakeTimeProvider"/>: tests move
/// <see cref="Clock"/> instead of sleeping, and TTLs, expiry, blocking and idle timeouts follow it.
/// </summary>
/// <remarks>
/// Derive from it to change the server's settings (<see cref="Configure"/>). The clock starts at
/// <see cref="StartTime"/> and only moves when a test moves it; a class fixture is shared by the class's tests, so call
/// <see cref="ResetAsync"/> (or <see cref="RedisCleanServer.FlushAllAsync"/>) where a test needs an empty server.
/// </remarks>
public class RedisCleanFixture : IAsyncLifetime
{
    private RedisCleanServer? _server;

    /// <summary>Where the fake clock starts: 2026-01-01T00:00:00Z, so every run sees the same times.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The running server (after xunit initialised the fixture).</summary>
    public RedisCleanServer Server => _server ?? throw new InvalidOperationException("The fixture has not started its server yet.");

    /// <inheritdoc cref="RedisCleanServer.ConfigurationString"/>
    public string ConfigurationString => Server.ConfigurationString;

    /// <summary>Moves the server's clock forward: keys whose time passes expire, as after that long a wait.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Empties every database; the clock stays where it is.</summary>
    public Task ResetAsync() => Server.FlushAllAsync();

    public async Task InitializeAsync()
    {
        var options = new RedisCleanServerOptions { TimeProvider = Clock };
        Configure(options);
        _server = await RedisCleanServer.StartAsync(options).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Changes the server's options before it starts (settings by Redis name, the io-model, logging).</summary>
    protected virtual void Configure(RedisCleanServerOptions options)
    {
    }
}
