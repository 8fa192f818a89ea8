using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Config;

/// <summary><c>CONFIG RESETSTAT</c>, <c>CONFIG REWRITE</c> or <c>CONFIG HELP</c>.</summary>
public sealed record ConfigCommand(ConfigSubcommand Subcommand) : IRedisCommand;
