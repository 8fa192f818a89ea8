using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Config;

/// <summary><c>CONFIG GET parameter [parameter ...]</c>; each parameter is a glob pattern.</summary>
public sealed record ConfigGetCommand(byte[][] Patterns) : IRedisCommand;
