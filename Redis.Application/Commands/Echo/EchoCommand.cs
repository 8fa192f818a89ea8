using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Echo;

/// <summary><c>ECHO message</c>.</summary>
public sealed record EchoCommand(byte[] Message) : IRedisCommand;
