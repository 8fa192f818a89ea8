using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Multi;

/// <summary><c>MULTI</c>: open a transaction on the connection; the commands that follow are queued until <c>EXEC</c>.</summary>
public sealed record MultiCommand(ClientSession Session) : IRedisCommand;
