using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZRandMember;

/// <summary><c>ZRANDMEMBER key [count [WITHSCORES]]</c>.</summary>
/// <param name="Count">The count, or null without one (one member, or nil).</param>
public sealed record ZRandMemberCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long? Count, bool WithScores, bool Resp3) : IRedisCommand;
