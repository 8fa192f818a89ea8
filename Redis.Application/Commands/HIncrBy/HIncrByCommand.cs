using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HIncrBy;

/// <summary><c>HINCRBY key field increment</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Field">A slice of the request.</param>
/// <param name="Increment">The increment, parsed before the key is looked up, as Redis does.</param>
public sealed record HIncrByCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Field, long Increment) : IRedisCommand;
