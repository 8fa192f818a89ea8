using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Exec;

/// <summary><c>EXEC</c>: run the open transaction's queued commands, one after the other, and answer all their replies.</summary>
public sealed record ExecCommand(ClientSession Session) : IRedisCommand;
