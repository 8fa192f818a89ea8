using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Slowlog;

/// <summary><c>SLOWLOG GET [count] | LEN | RESET | HELP</c>; <paramref name="Count"/> is <c>GET</c>'s, -1 for all.</summary>
public sealed record SlowlogCommand(SlowlogSubcommand Subcommand, long Count = 10) : IRedisCommand;
