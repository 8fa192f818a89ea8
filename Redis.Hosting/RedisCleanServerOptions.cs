using Microsoft.Extensions.Logging;
using Redis.Infrastructure.Configuration;

namespace Redis.Hosting;

/// <summary>How <see cref="RedisCleanServer.StartAsync(RedisCleanServerOptions?, CancellationToken)"/> starts a server.</summary>
public sealed class RedisCleanServerOptions
{
    /// <summary>
    /// <c>event-loop</c> (the default here: an application opens several connections, and the event loop serves them
    /// all at once) or <c>blocking</c>, the standalone server's default, which serves one connection at a time.
    /// </summary>
    public string IoModel { get; set; } = IoModels.EventLoop;

    /// <summary>
    /// The server's clock: TTLs, expiry, blocking and idle timeouts follow it. A <c>FakeTimeProvider</c> lets a test
    /// move time instead of waiting; null is the machine's clock.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Any setting of the server, by its Redis name as on its command line, without the dashes:
    /// <c>["maxmemory"] = "100mb"</c>, <c>["databases"] = "4"</c>, <c>["appendonly"] = "yes"</c>. The port is 0 (a free
    /// one), the address 127.0.0.1 and <c>timeout</c> 0 (moving a test's clock past an idle timeout would close the test's own
    /// connections) unless set here.
    /// </summary>
    /// <remarks>A file is loaded at start (RDB or the append-only file) only when <c>dir</c> is set.</remarks>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the server logs; nowhere unless set (for example <c>logging => logging.AddConsole()</c>).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
