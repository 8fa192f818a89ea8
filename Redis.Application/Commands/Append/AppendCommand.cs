using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Append;

/// <summary><c>APPEND key value</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Value">A slice of the request; the handler copies it.</param>
public sealed record AppendCommand(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Value) : IRedisCommand;
