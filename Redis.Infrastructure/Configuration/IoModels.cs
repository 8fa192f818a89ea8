namespace Redis.Infrastructure.Configuration;

/// <summary>The values of <c>io-model</c> (<see cref="RedisServerOptions.IoModel"/>): which transport serves the clients.</summary>
public static class IoModels
{
    /// <summary>One client at a time over blocking sockets, as the lab's server does (ADR 0004). The default.</summary>
    public const string Blocking = "blocking";

    /// <summary>Every client on one thread, multiplexed with epoll over non-blocking sockets, as Redis does (ADR 0018). Linux only.</summary>
    public const string EventLoop = "event-loop";

    public static bool IsEventLoop(string ioModel) => string.Equals(ioModel, EventLoop, StringComparison.OrdinalIgnoreCase);

    public static bool IsValid(string? ioModel) =>
        string.Equals(ioModel, Blocking, StringComparison.OrdinalIgnoreCase) || IsEventLoop(ioModel ?? string.Empty);
}
