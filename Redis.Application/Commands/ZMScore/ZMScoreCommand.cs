using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZMScore;

/// <summary><c>ZMSCORE key member [member ...]</c>.</summary>
public sealed record ZMScoreCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte>[] Members) : IRedisCommand;
