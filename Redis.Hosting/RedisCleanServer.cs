using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Redis.Infrastructure.Transport;

namespace Redis.Hosting;

/// <summary>
/// A RedisClean server inside this process, on a loopback port of its own: the same server the executable runs
/// (composed by <see cref="ServerComposition.AddRedisServer"/>), reached over a real socket by any Redis client.
/// </summary>
/// <example>
/// <code>
/// var clock = new FakeTimeProvider();
/// await using var server = await RedisCleanServer.StartAsync(new RedisCleanServerOptions { TimeProvider = clock });
/// using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConfigurationString);
/// </code>
/// </example>
public sealed class RedisCleanServer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _temporaryDirectory;
    private bool _disposed;

    private RedisCleanServer(IHost host, IPEndPoint endPoint, TimeProvider timeProvider, string? temporaryDirectory)
    {
        _host = host;
        EndPoint = endPoint;
        TimeProvider = timeProvider;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>Where the server listens (127.0.0.1 and a free port unless the settings chose them).</summary>
    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    /// <summary>
    /// A StackExchange.Redis configuration string for this server: <c>127.0.0.1:port,allowAdmin=true</c> (admin, so a
    /// test may FLUSHALL or CONFIG SET through the multiplexer).
    /// </summary>
    public string ConfigurationString => $"{EndPoint.Address}:{EndPoint.Port},allowAdmin=true";

    /// <summary>The server's clock, as passed in <see cref="RedisCleanServerOptions.TimeProvider"/> or the machine's.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The server's services, for what a test observes beyond the wire (the statistics, the keyspace's counts).</summary>
    /// <remarks>The keyspace belongs to the serving thread: read it from a test only while no command runs.</remarks>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a server with the defaults: event loop, a free loopback port, the machine's clock, in memory.</summary>
    public static Task<RedisCleanServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, cancellationToken);

    /// <summary>Starts a server; it is listening when the task completes.</summary>
    /// <exception cref="ArgumentException">A setting the server does not have.</exception>
    /// <exception cref="InvalidOperationException">A setting's value the server refuses (its message is the one line the executable prints).</exception>
    public static async Task<RedisCleanServer> StartAsync(RedisCleanServerOptions? options, CancellationToken cancellationToken = default)
    {
        options ??= new RedisCleanServerOptions();
        var settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase);
        settings.TryAdd("port", "0");
        settings.TryAdd("io-model", options.IoModel);

        // No idle timeout unless asked: a test that moves the clock would otherwise close its own idle connections.
        settings.TryAdd("timeout", "0");

        // Each server its own directory unless told: a SAVE in one test is not loaded by the next server.
        string? temporaryDirectory = null;
        if (!settings.ContainsKey("dir"))
        {
            temporaryDirectory = Directory.CreateTempSubdirectory("redisclean-").FullName;
            settings["dir"] = temporaryDirectory;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddCommandLine(ServerCommandLine.WithoutFlags(ToArguments(settings)), ServerCommandLine.SwitchMappings);
        options.ConfigureLogging?.Invoke(builder.Logging);
        if (options.TimeProvider is { } clock)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddRedisServer(builder.Configuration);
        var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IServerTransport>().Start();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ServerCommandLine.InvalidSettingMessage(e) is { } message)
        {
            await DisposeAsync(host, temporaryDirectory).ConfigureAwait(false);
            throw new InvalidOperationException(message, e);
        }
        catch
        {
            await DisposeAsync(host, temporaryDirectory).ConfigureAwait(false);
            throw;
        }

        var endPoint = host.Services.GetRequiredService<IServerTransport>().LocalEndPoint!;
        return new RedisCleanServer(host, endPoint, host.Services.GetRequiredService<TimeProvider>(), temporaryDirectory);
    }

    /// <summary>Empties every database (FLUSHALL over a connection of its own), for a test that starts from nothing.</summary>
    /// <remarks>
    /// With <c>io-model blocking</c> the server serves one connection at a time: close the test's own connections
    /// first, or this waits for them.
    /// </remarks>
    public async Task FlushAllAsync(CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(EndPoint, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("*1\r\n$8\r\nFLUSHALL\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var reply = new byte[64];
        var length = 0;
        while (length < 2 || reply[length - 1] != '\n')
        {
            var read = await stream.ReadAsync(reply.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0 || (length += read) == reply.Length)
            {
                break;
            }
        }

        var text = Encoding.UTF8.GetString(reply, 0, length);
        if (text != "+OK\r\n")
        {
            throw new InvalidOperationException($"FLUSHALL answered {text.TrimEnd()}");
        }
    }

    /// <summary>Stops the server: its connections close, and it exits as SHUTDOWN NOSAVE would (no save unless save points say so).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await DisposeAsync(_host, _temporaryDirectory).ConfigureAwait(false);
        }
    }

    private static async Task DisposeAsync(IHost host, string? temporaryDirectory)
    {
        try
        {
            await host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            host.Dispose();
            if (temporaryDirectory is not null)
            {
                try
                {
                    Directory.Delete(temporaryDirectory, recursive: true);
                }
                catch (IOException)
                {
                    // A file still open by the stopping server: the temporary directory is the system's to clean.
                }
            }
        }
    }

    /// <summary>Settings by Redis name into the server's command line: <c>--name value</c>.</summary>
    private static string[] ToArguments(Dictionary<string, string> settings)
    {
        var arguments = new List<string>(settings.Count * 2);
        foreach (var (name, value) in settings)
        {
            var option = "--" + name.TrimStart('-');
            if (!ServerCommandLine.SwitchMappings.ContainsKey(option))
            {
                throw new ArgumentException(
                    $"The server has no setting '{name}'. Its settings: {string.Join(", ", ServerCommandLine.SwitchMappings.Keys.Select(k => k[2..]))}.",
                    nameof(settings));
            }

            arguments.Add(option);
            arguments.Add(value);
        }

        return [.. arguments];
    }
}
