using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Infrastructure.Transport;
using Xunit;

namespace Redis.Testing;

/// <summary>The real server, composed as Program composes it, on a free loopback port with a fake clock.</summary>
/// <remarks>
/// This one serves one client at a time (the blocking transport): a test closes each connection before opening the
/// next. <see cref="ServerFixture{TTransport}"/> picks the transport by its type argument, so one fixture class with
/// its settings serves a suite on both; <see cref="EventLoopServerFixture"/> serves many clients at once.
/// </remarks>
public class ServerFixture : IAsyncLifetime
{
    private IHost? _host;
    private bool _stopped;

    /// <summary>The server's clock; tests move it with <c>Advance</c> instead of sleeping.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public IPEndPoint EndPoint { get; private set; } = null!;

    public string Host => EndPoint.Address.ToString();

    public int Port => EndPoint.Port;

    /// <summary>The server's databases.</summary>
    public Databases Databases => Services.GetRequiredService<Databases>();

    /// <summary>Database 0, where a connection starts.</summary>
    public Keyspace Keyspace => Databases[0];

    /// <summary>The server's services, for what a test observes beyond the wire (statistics, the transport).</summary>
    public IServiceProvider Services => _host!.Services;

    /// <summary>The server's command table, as its dispatcher uses it.</summary>
    public CommandTable Commands => Services.GetRequiredService<CommandTable>();

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?> { ["Redis:Port"] = "0", ["Redis:IoModel"] = IoModel };
        Configure(settings);
        builder.Configuration.AddInMemoryCollection(settings);
        if (UsesFakeClock)
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
        }

        builder.Services.AddRedisServer(builder.Configuration);
        ConfigureServices(builder.Services);
        _host = builder.Build();
        await _host.StartAsync();
        EndPoint = _host.Services.GetRequiredService<IServerTransport>().LocalEndPoint!;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await StopAsync();
            _host.Dispose();
        }
    }

    public WireClient Connect() => new(EndPoint);

    /// <summary>Stops the host, as Ctrl+C does; <see cref="DisposeAsync"/> then has nothing left to stop.</summary>
    public async Task StopAsync()
    {
        if (_host is not null && !_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    /// <summary>False for a server on the machine's clock, for comparisons with a real redis-server whose TTLs count down in real time.</summary>
    protected virtual bool UsesFakeClock => true;

    /// <summary>The transport under test: <c>blocking</c>, or <c>event-loop</c> (<see cref="ServerFixture{TTransport}"/>).</summary>
    protected virtual string IoModel => BlockingTransport.IoModel;

    /// <summary>Overrides settings under their configuration keys, for example <c>Redis:ProtoMaxBulkLen</c>.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Adds or replaces services after the server's own, for example a pipeline behaviour that injects a fault.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
