using Redis.Application.Abstractions;

namespace Redis.Application.Commands.GetRange;

/// <summary><c>GETRANGE key start end</c>: inclusive offsets, negative ones counted from the end.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record GetRangeCommand(ReadOnlyMemory<byte> Key, long Start, long End) : IRedisCommand;
