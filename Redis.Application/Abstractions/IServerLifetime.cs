namespace Redis.Application.Abstractions;

/// <summary>Stops the server (<c>SHUTDOWN</c>); a port, implemented by Infrastructure over the host's lifetime.</summary>
public interface IServerLifetime
{
    /// <summary>
    /// Asks the host to stop: the transport ends its loop, closes every connection and the process exits 0. Returns at
    /// once; the serving thread finishes the current batch first.
    /// </summary>
    void RequestShutdown();
}
