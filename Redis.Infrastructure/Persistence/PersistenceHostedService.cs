using Microsoft.Extensions.Hosting;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Loads the RDB file before the transport serves anyone, and on the host's stop (Ctrl+C, SIGTERM) saves as Redis's
/// <c>prepareForShutdown</c> does when save points are set, unless a <c>SHUTDOWN</c> command already decided.
/// </summary>
/// <remarks>
/// Registered before the transport's hosted service, so it starts first and stops last: the final save runs once the
/// serving thread has stopped, and nothing else touches the databases then.
/// </remarks>
public sealed class PersistenceHostedService(RdbPersistence persistence) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        persistence.LoadAtStartup();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (!persistence.ShutdownPrepared)
        {
            persistence.PrepareForShutdown(Redis.Application.Abstractions.ShutdownSave.Default);
        }

        return Task.CompletedTask;
    }
}
