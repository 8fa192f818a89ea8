using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Reset;

/// <summary><c>RESET</c>: the connection's state back to what it was at connect.</summary>
public sealed record ResetCommand(ClientSession Session) : IRedisCommand;
