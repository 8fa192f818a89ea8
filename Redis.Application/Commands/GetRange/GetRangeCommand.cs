using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.GetRange;

/// <summary><c>GETRANGE key start end</c>: inclusive offsets, negative ones counted from the end.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record GetRangeCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Start, long End) : IRedisCommand;
