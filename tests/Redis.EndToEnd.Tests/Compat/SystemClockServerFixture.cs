using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Redis.EndToEnd.Tests.Support;
using Redis.Infrastructure.Transport;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>This server, composed as Program composes it, with the real system clock, beside a real redis-server.</summary>
/// <remarks>
/// The differential tests compare replies with a redis-server whose clock is the machine's, so this server must use
/// the same clock, not the fake one of <see cref="ServerFixture"/>: a TTL set by both must count down alike.
/// </remarks>
public sealed class SystemClockServerFixture : IAsyncLifetime, IDisposable
{
    private IHost? _host;

    public IPEndPoint EndPoint { get; private set; } = null!;

    public ReferenceRedisServer Reference { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Port"] = "0" });
        builder.Services.AddRedisServer(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
        EndPoint = _host.Services.GetRequiredService<BlockingServer>().LocalEndPoint!;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    public WireClient Connect() => new(EndPoint);

    public void Dispose() => Reference.Dispose();
}
