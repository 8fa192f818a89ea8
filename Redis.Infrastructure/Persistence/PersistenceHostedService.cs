using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Redis.Application.Abstractions;
using Redis.Application.Memory;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Loads the data before the transport serves anyone (the append-only files with <c>appendonly yes</c>, else the RDB
/// file), and on the host's stop (Ctrl+C, SIGTERM) saves as Redis's <c>prepareForShutdown</c> does when save points are
/// set, unless a <c>SHUTDOWN</c> command already decided, and writes out what the append-only file still buffers.
/// </summary>
/// <remarks>
/// Registered before the transport's hosted service, so it starts first and stops last: the final save runs once the
/// serving thread has stopped, and nothing else touches the databases then.
/// </remarks>
/// <param name="memory">Taken so that it is built first: it sets the keys' clocks up for <c>maxmemory-policy</c>, which decides whether a file's <c>IDLE</c> or <c>FREQ</c> is kept.</param>
public sealed class PersistenceHostedService(RdbPersistence persistence, AppendOnlyFile appendOnly, IOptions<RedisServerOptions> options, MemoryLimit memory) : IHostedService
{
    private bool _loaded;

    /// <summary>
    /// Redis's <c>loadDataFromDisk</c> then <c>aofOpenIfNeededOnServerStart</c>, once (the program calls it before the
    /// host starts, so a file that cannot be loaded ends the process with one line; the host's start then does nothing).
    /// </summary>
    public void LoadDataFromDisk()
    {
        if (_loaded)
        {
            return;
        }

        _loaded = true;
        _ = memory.Policy;
        if (options.Value.AppendOnly)
        {
            appendOnly.Load();
        }
        else
        {
            persistence.LoadAtStartup();
        }

        appendOnly.OpenAtStartup();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LoadDataFromDisk();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (!persistence.ShutdownPrepared)
        {
            persistence.PrepareForShutdown(ShutdownSave.Default);
        }

        appendOnly.PrepareForShutdown();
        return Task.CompletedTask;
    }
}
