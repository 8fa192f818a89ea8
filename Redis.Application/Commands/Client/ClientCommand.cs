using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Client;

/// <summary>
/// <c>CLIENT ID | GETNAME | SETNAME | INFO | LIST | KILL | PAUSE | UNPAUSE | UNBLOCK | REPLY | NO-EVICT | SETINFO | HELP</c>.
/// </summary>
/// <param name="Session">The connection the command asks about, names or acts for.</param>
/// <param name="Value">The name or the library attribute's value, for the subcommands that set one.</param>
/// <param name="Attribute">The SETINFO attribute as the client spelled it, for its error text.</param>
public sealed record ClientCommand(ClientSession Session, ClientSubcommand Subcommand, byte[]? Value = null, byte[]? Attribute = null) : IRedisCommand
{
    /// <summary>The bytes of the request's arguments (<c>argv-mem</c> of the connection that asks).</summary>
    public long ArgumentBytes { get; init; }

    /// <summary><c>CLIENT LIST TYPE</c>: only connections of this kind; null for all.</summary>
    public ClientType? Type { get; init; }

    /// <summary><c>CLIENT LIST ID</c>: only these ids, in this order; null for all.</summary>
    public long[]? Ids { get; init; }

    /// <summary><c>CLIENT KILL</c>'s filters.</summary>
    public ClientKillFilter? Kill { get; init; }

    /// <summary><c>CLIENT PAUSE</c>'s timeout in milliseconds, checked not negative.</summary>
    public long PauseMilliseconds { get; init; }

    /// <summary><c>CLIENT UNBLOCK</c>'s client id.</summary>
    public long UnblockId { get; init; }

    /// <summary><c>CLIENT UNBLOCK ... ERROR</c>: the blocked command answers an error rather than its timeout reply.</summary>
    public bool UnblockWithError { get; init; }

    /// <summary><c>CLIENT PAUSE</c>'s mode (<c>ALL</c> unless <c>WRITE</c>).</summary>
    public ClientPauseKind PauseKind { get; init; } = ClientPauseKind.All;
}
