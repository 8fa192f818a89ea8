using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Strlen;

/// <summary><c>STRLEN key</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record StrlenCommand(ReadOnlyMemory<byte> Key) : IRedisCommand;
