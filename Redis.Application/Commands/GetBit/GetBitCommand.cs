using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.GetBit;

/// <summary><c>GETBIT key offset</c>: one bit of the string, 0 past its end or for a missing key.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Offset">The bit offset, not negative; its upper bound is checked by the handler.</param>
public sealed record GetBitCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Offset) : IRedisCommand;
