using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZRank;

/// <summary><c>ZRANK key member</c>, or <c>ZREVRANK key member</c> when <paramref name="Reverse"/>.</summary>
public sealed record ZRankCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Member, bool Reverse) : IRedisCommand;
