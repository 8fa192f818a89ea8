using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Client;

/// <summary><c>CLIENT ID | GETNAME | SETNAME name | INFO | LIST | SETINFO attribute value | HELP</c>.</summary>
/// <param name="Session">The connection the command asks about or names.</param>
/// <param name="Value">The name or the library attribute's value, for the subcommands that set one.</param>
/// <param name="Attribute">The SETINFO attribute as the client spelled it, for its error text.</param>
public sealed record ClientCommand(ClientSession Session, ClientSubcommand Subcommand, byte[]? Value = null, byte[]? Attribute = null) : IRedisCommand;
