using Redis.Application.Abstractions;
using Redis.Application.Commands.ZRange;
using Redis.Application.Commands.ZSetCommon;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZRemRange;

/// <summary><c>ZREMRANGEBYRANK key start stop</c>, <c>ZREMRANGEBYSCORE key min max</c>, <c>ZREMRANGEBYLEX key min max</c>.</summary>
public sealed record ZRemRangeCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    ZRangeKind Kind,
    long Start,
    long End,
    ZScoreRange Scores,
    ZLexRange Lex) : IRedisCommand;
