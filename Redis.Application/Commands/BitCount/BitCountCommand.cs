using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitCount;

/// <summary><c>BITCOUNT key [start end [BYTE|BIT]]</c>: the number of set bits, in the whole string or a range.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Start">The range's first index (bytes, or bits with <paramref name="IsBit"/>), negative from the end.</param>
/// <param name="End">The range's last index, inclusive.</param>
/// <param name="HasRange">False for the whole string.</param>
/// <param name="IsBit">True for <c>BIT</c>: the indexes count bits.</param>
/// <param name="Early">What Redis answers once the key is found to be a string, before counting: a parse error, or 0
/// for two negative indexes out of order; null to count.</param>
public sealed record BitCountCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    long Start = 0,
    long End = -1,
    bool HasRange = false,
    bool IsBit = false,
    Reply? Early = null) : IRedisCommand;
