using System.Net;

namespace Redis.Infrastructure.Transport;

/// <summary>How bytes reach the command path and leave it: <see cref="BlockingServer"/> or <see cref="EventLoopServer"/>, chosen by <c>io-model</c>.</summary>
/// <remarks>Both run on one dedicated thread, the only one that touches the keyspace (ADR 0004, ADR 0018).</remarks>
public interface IServerTransport : IDisposable
{
    /// <summary>The address and port the server listens on, once started; with port 0, the port the system picked.</summary>
    IPEndPoint? LocalEndPoint { get; }

    /// <summary>Binds and listens. Throws <see cref="System.Net.Sockets.SocketException"/> when the address is in use.</summary>
    void Start();

    /// <summary>Serves clients until <paramref name="stopping"/> is cancelled.</summary>
    void Run(CancellationToken stopping);

    /// <summary>From another thread: makes a serving loop that did not stop within the grace period return.</summary>
    void Abort();
}
