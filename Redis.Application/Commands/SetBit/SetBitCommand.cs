using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.SetBit;

/// <summary><c>SETBIT key offset value</c>: sets or clears one bit, growing the string with zero bytes.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Offset">The bit offset, not negative; its upper bound is checked by the handler.</param>
/// <param name="Bit">0 or 1.</param>
/// <param name="ValueError">The error for a value other than 0 or 1, which Redis reports after the offset's range.</param>
public sealed record SetBitCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Offset, int Bit, Reply? ValueError = null) : IRedisCommand;
