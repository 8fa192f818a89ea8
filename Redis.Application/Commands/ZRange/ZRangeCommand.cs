using Redis.Application.Abstractions;
using Redis.Application.Commands.ZSetCommon;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZRange;

/// <summary>
/// <c>ZRANGE</c>, <c>ZRANGESTORE</c>, <c>ZREVRANGE</c>, <c>ZRANGEBYSCORE</c>, <c>ZREVRANGEBYSCORE</c>,
/// <c>ZRANGEBYLEX</c> and <c>ZREVRANGEBYLEX</c>: one request, as Redis runs them all through <c>zrangeGenericCommand</c>.
/// </summary>
/// <param name="Destination"><c>ZRANGESTORE</c>'s destination, or null to reply with the members.</param>
/// <param name="Start">The first index, for <see cref="ZRangeKind.Rank"/>.</param>
/// <param name="End">The last index, for <see cref="ZRangeKind.Rank"/>.</param>
/// <param name="Offset"><c>LIMIT</c>'s offset (0 without it).</param>
/// <param name="Limit"><c>LIMIT</c>'s count, negative for all (-1 without it).</param>
/// <param name="Resp3">The connection's protocol when bound: with scores, RESP3 answers [member, score] pairs.</param>
public sealed record ZRangeCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Source,
    ReadOnlyMemory<byte>? Destination,
    ZRangeKind Kind,
    bool Reverse,
    long Start,
    long End,
    ZScoreRange Scores,
    ZLexRange Lex,
    long Offset,
    long Limit,
    bool WithScores,
    bool Resp3) : IRedisCommand;
