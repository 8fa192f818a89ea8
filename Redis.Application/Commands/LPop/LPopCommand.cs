using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LPop;

/// <summary><c>LPOP key [count]</c> and <c>RPOP key [count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Left">True to pop at the head.</param>
/// <param name="Count">How many to pop, or -1 without a count (the reply is then one element, not an array).</param>
public sealed record LPopCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, bool Left, long Count) : IRedisCommand;
