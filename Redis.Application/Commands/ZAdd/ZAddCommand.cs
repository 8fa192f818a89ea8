using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;

namespace Redis.Application.Commands.ZAdd;

/// <summary><c>ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]</c>, and <c>ZINCRBY key increment member</c>.</summary>
/// <param name="Options">The options; <see cref="ZAddOptions.Incr"/> for <c>INCR</c> and <c>ZINCRBY</c>.</param>
/// <param name="Changed"><c>CH</c>: count updated members as well as added ones.</param>
/// <param name="Scores">The scores, parsed before the key is looked up, as Redis does.</param>
/// <param name="Members">Slices of the request, valid only while the command runs; the set copies what it keeps.</param>
public sealed record ZAddCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    ZAddOptions Options,
    bool Changed,
    double[] Scores,
    ReadOnlyMemory<byte>[] Members) : IRedisCommand;
