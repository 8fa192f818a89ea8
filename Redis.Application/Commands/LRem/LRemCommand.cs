using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LRem;

/// <summary><c>LREM key count element</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record LRemCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Count, ReadOnlyMemory<byte> Element) : IRedisCommand;
