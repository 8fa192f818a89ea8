using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Type;

/// <summary><c>TYPE key</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record TypeCommand(ReadOnlyMemory<byte> Key) : IRedisCommand;
