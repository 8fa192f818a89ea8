using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Select;

/// <summary><c>SELECT index</c>: only database 0 exists here.</summary>
public sealed record SelectCommand(int Index) : IRedisCommand;
