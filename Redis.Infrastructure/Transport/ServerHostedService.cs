using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Redis.Application.Scripting;
using Redis.Infrastructure.Diagnostics;

namespace Redis.Infrastructure.Transport;

/// <summary>Runs the transport (<see cref="BlockingServer"/> or <see cref="EventLoopServer"/>) on its own dedicated thread for the lifetime of the host.</summary>
/// <remarks>
/// A dedicated thread, not the thread pool: the server blocks in accept, receive or epoll_wait by design. Stopping cancels the
/// loop, which notices within one idle poll after the reply being sent is complete, so no reply is torn; a client
/// that stopped reading is cut off after a grace period.
/// </remarks>
/// <param name="metrics">Taken so the meter exists whenever the server runs; the container disposes it.</param>
/// <param name="script">A script holding the serving thread is stopped at its next check, so the loop can end.</param>
#pragma warning disable CS9113 // The parameter is kept for its side effect of creating the meter.
public sealed partial class ServerHostedService(IServerTransport server, ServerMetrics metrics, ILogger<ServerHostedService>? logger = null, RunningScript? script = null)
    : IHostedService, IDisposable
#pragma warning restore CS9113
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private Thread? _thread;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        server.Start();
        _thread = new Thread(() => server.Run(_stopping.Token)) { Name = "redis-server", IsBackground = true };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        script?.Abort();
        if (_thread is not null && !_thread.Join(StopGrace))
        {
            server.Abort();
            _thread.Join(StopGrace);
        }

        server.Dispose();
        LogReadyToExit();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Redis is now ready to exit, bye bye...")]
    private partial void LogReadyToExit();

    public void Dispose() => _stopping.Dispose();
}
