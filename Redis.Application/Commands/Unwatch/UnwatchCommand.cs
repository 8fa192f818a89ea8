using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Unwatch;

/// <summary><c>UNWATCH</c>: forget the connection's watched keys, and that any of them changed.</summary>
public sealed record UnwatchCommand(ClientSession Session) : IRedisCommand;
