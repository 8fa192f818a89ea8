using Microsoft.Extensions.Hosting;

namespace Redis.Infrastructure.Transport;

/// <summary>Runs the <see cref="BlockingServer"/> on its own dedicated thread for the lifetime of the host.</summary>
/// <remarks>
/// A dedicated thread, not the thread pool: the server blocks in accept and receive by design. Stopping cancels the
/// loop, which notices within one idle poll after the reply being sent is complete, so no reply is torn; a client
/// that stopped reading is cut off after a grace period.
/// </remarks>
public sealed class ServerHostedService(BlockingServer server) : IHostedService, IDisposable
{
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
        if (_thread is not null && !_thread.Join(StopGrace))
        {
            server.AbortCurrentClient();
            _thread.Join(StopGrace);
        }

        server.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();
}
