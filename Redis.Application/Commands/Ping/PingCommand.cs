using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Ping;

/// <summary><c>PING [message]</c>.</summary>
public sealed record PingCommand(byte[]? Message) : IRedisCommand;
