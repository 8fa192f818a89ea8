using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Command;

/// <summary><c>COMMAND [COUNT | DOCS [name ...] | INFO [name ...] | LIST]</c>.</summary>
/// <param name="Subcommand">Which form was asked.</param>
/// <param name="Names">The commands asked about; empty means all of them.</param>
public sealed record CommandCommand(CommandSubcommand Subcommand, string[] Names) : IRedisCommand;
