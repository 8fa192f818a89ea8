using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZScore;

/// <summary><c>ZSCORE key member</c>.</summary>
public sealed record ZScoreCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Member) : IRedisCommand;
