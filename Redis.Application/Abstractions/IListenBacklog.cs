namespace Redis.Application.Abstractions;

/// <summary>How many clients are waiting in the listen backlog while one client is served.</summary>
/// <remarks>A port: the operating system knows the number, so Infrastructure implements this; <c>INFO clients</c> reports it.</remarks>
public interface IListenBacklog
{
    /// <summary>Connections the kernel has completed that the server has not accepted yet; null when the system does not say.</summary>
    int? WaitingClients();
}
