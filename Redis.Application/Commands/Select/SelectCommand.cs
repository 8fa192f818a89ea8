using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Select;

/// <summary><c>SELECT index</c>: the connection's commands work on database <paramref name="Index"/> from now on.</summary>
public sealed record SelectCommand(ClientSession Session, int Index) : IRedisCommand;
