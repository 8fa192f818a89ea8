namespace Redis.Infrastructure.Transport.EventLoop;

/// <summary>The process's limit on open file descriptors (<c>RLIMIT_NOFILE</c>), read and raised through <c>getrlimit</c>/<c>setrlimit</c>.</summary>
internal interface IOpenFilesLimit
{
    /// <summary>The soft and hard limits; false with the system's error text when they cannot be read.</summary>
    bool TryGet(out ulong soft, out ulong hard, out string? error);

    /// <summary>Sets both limits; false with the system's error text when the system refuses.</summary>
    bool TrySet(ulong soft, ulong hard, out string? error);
}
