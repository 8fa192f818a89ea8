using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitPos;

/// <summary><c>BITPOS key bit [start [end [BYTE|BIT]]]</c>: the position of the first bit set to 1, or to 0.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Bit">0 or 1.</param>
/// <param name="Start">The range's first index (bytes, or bits with <paramref name="IsBit"/>), negative from the end.</param>
/// <param name="End">The range's last index, inclusive; null when not given.</param>
/// <param name="HasRange">False for the whole string.</param>
/// <param name="IsBit">True for <c>BIT</c>: the indexes count bits.</param>
/// <param name="Early">A range's parse error, which Redis answers only once the key is found to be a string.</param>
public sealed record BitPosCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    int Bit,
    long Start = 0,
    long? End = null,
    bool HasRange = false,
    bool IsBit = false,
    Reply? Early = null) : IRedisCommand;
