namespace Redis.Application.Commands.Client;

/// <summary>The kinds of connection <c>CLIENT LIST TYPE</c> and <c>CLIENT KILL TYPE</c> name (Redis's <c>getClientTypeByName</c>).</summary>
/// <remarks>Every connection of this server is <see cref="Normal"/>: it has no replication and no pub/sub yet.</remarks>
public enum ClientType
{
    Normal,
    Replica,
    PubSub,
    Master,
}
