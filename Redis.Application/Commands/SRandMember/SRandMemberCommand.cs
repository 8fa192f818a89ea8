using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SRandMember;

/// <summary><c>SRANDMEMBER key [count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Count">Null for one member as a bulk string; positive for distinct members, negative for |count| that may repeat.</param>
public sealed record SRandMemberCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long? Count) : IRedisCommand;
