using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZRem;

/// <summary><c>ZREM key member [member ...]</c>.</summary>
public sealed record ZRemCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte>[] Members) : IRedisCommand;
