using Redis.Application.Abstractions;
using Redis.Application.Commands.ZSetCommon;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZLexCount;

/// <summary><c>ZLEXCOUNT key min max</c>.</summary>
public sealed record ZLexCountCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ZLexRange Range) : IRedisCommand;
