using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Incr;

/// <summary><c>INCR</c>, <c>DECR</c>, <c>INCRBY</c> and <c>DECRBY</c>: add a signed 64-bit increment to a key's integer value.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Increment">What to add; DECR and DECRBY pass the negated amount (Redis's <c>incrDecrCommand</c>).</param>
public sealed record IncrCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Increment) : IRedisCommand;
