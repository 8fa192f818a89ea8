using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.ZSetOperation;

/// <summary>
/// <c>ZUNION</c>, <c>ZINTER</c>, <c>ZDIFF</c>, <c>ZUNIONSTORE</c>, <c>ZINTERSTORE</c>, <c>ZDIFFSTORE</c> and
/// <c>ZINTERCARD</c>: one request, as Redis runs them all through <c>zunionInterDiffGenericCommand</c>.
/// </summary>
/// <param name="Destination">The <c>STORE</c> forms' destination, or null.</param>
/// <param name="Weights">One weight per key (1 without <c>WEIGHTS</c>).</param>
/// <param name="Limit"><c>ZINTERCARD</c>'s <c>LIMIT</c>, 0 for none.</param>
/// <param name="OptionsError">A bad option: Redis parses the options after looking the keys up, so a wrong-type key is answered first.</param>
public sealed record ZSetOperationCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte>? Destination,
    ZSetOperationKind Operation,
    bool CardinalityOnly,
    ReadOnlyMemory<byte>[] Keys,
    double[] Weights,
    ZAggregate Aggregate,
    bool WithScores,
    long Limit,
    bool Resp3,
    Reply? OptionsError) : IRedisCommand;
