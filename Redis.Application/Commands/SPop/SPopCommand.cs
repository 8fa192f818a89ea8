using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SPop;

/// <summary><c>SPOP key [count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Count">Null for one member answered as a bulk string, else how many to pop (at least 0).</param>
public sealed record SPopCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long? Count) : IRedisCommand;
