namespace Redis.Application.Commands.Client;

/// <summary>The kinds of connection <c>CLIENT LIST TYPE</c> and <c>CLIENT KILL TYPE</c> name (Redis's <c>getClientTypeByName</c>).</summary>
/// <remarks>A connection is <see cref="PubSub"/> while it has a subscription, <see cref="Normal"/> otherwise: this server has no replication.</remarks>
public enum ClientType
{
    Normal,
    Replica,
    PubSub,
    Master,
}
