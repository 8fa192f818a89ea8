using Redis.Application.Abstractions;
using Redis.Application.Commands.ZSetCommon;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZCount;

/// <summary><c>ZCOUNT key min max</c>.</summary>
public sealed record ZCountCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ZScoreRange Range) : IRedisCommand;
