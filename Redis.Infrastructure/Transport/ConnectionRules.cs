namespace Redis.Infrastructure.Transport;

/// <summary>The per-connection rules both transports apply the same way: their timings, and why a connection ends.</summary>
internal static class ConnectionRules
{
    /// <summary>The longest the serving thread waits (in accept, receive or <c>epoll_wait</c>) before it checks for shutdown and runs its timers.</summary>
    public const int IdlePollMilliseconds = 100;

    /// <summary>How long a connection the server ends may take to close its side, while its input is read and dropped.</summary>
    public const int CloseLingerMilliseconds = 1000;

    public const string OutputBufferLimitReached = "pending output over the output buffer limit (client-output-buffer-limit)";

    /// <summary>
    /// Redis's <c>clientsCronResizeQueryBuffer</c>/<c>clientsCronResizeOutputBuffer</c> idle time: a connection silent this
    /// long gives back its empty buffers.
    /// </summary>
    public const int BufferReleaseIdleMilliseconds = 2000;

    /// <summary>
    /// The server's clock in milliseconds, for <c>timeout</c> and CLIENT LIST's <c>idle</c>: a connection is idle by the
    /// server's clock (a test's fake clock moves it), where lingers and polling stay on the machine's.
    /// </summary>
    public static long Milliseconds(TimeProvider time) => time.GetTimestamp() / (time.TimestampFrequency / 1000);

    public const string QueryBufferLimitReached = "unfinished request over the query buffer limit (client-query-buffer-limit)";

    /// <summary><c>CLIENT KILL</c> named the connection: another one's is closed at once, the asking one's after its reply.</summary>
    public const string KilledByClientKill = "killed by CLIENT KILL";

    /// <summary>End of stream between requests is a normal disconnect; in the middle of one, the request is lost.</summary>
    public static string ClientClosed(int pendingBytes) => pendingBytes > 0
        ? $"client closed the connection with {pendingBytes} bytes of an unfinished request"
        : "client closed the connection";

    /// <summary>Redis closes an idle client silently (clientsCronHandleTimeout); the log says why.</summary>
    public static string IdleTimeout(int seconds) => $"idle for more than {seconds} s (timeout)";
}
