using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Redis.Application.Abstractions;

namespace Redis.Infrastructure.Transport;

/// <summary><c>SHUTDOWN</c>'s way out: stops the Generic Host, which stops the transport (<see cref="ServerHostedService"/>).</summary>
/// <remarks>
/// The command runs on the serving thread; the host stops on its own thread and waits for the serving loop to notice
/// the cancellation, which it does once the current batch is done and its connection closed. The process then exits 0,
/// as Redis's <c>prepareForShutdown</c> followed by <c>exit(0)</c>.
/// </remarks>
public sealed partial class ServerLifetime(IHostApplicationLifetime host, ILogger<ServerLifetime> logger) : IServerLifetime
{
    public void RequestShutdown()
    {
        LogUserRequested();
        host.StopApplication();
    }

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "User requested shutdown...")]
    private partial void LogUserRequested();
}
