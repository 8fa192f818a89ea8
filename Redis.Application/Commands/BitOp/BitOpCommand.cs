using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.BitOp;

/// <summary>The operation of a <c>BITOP</c>.</summary>
public enum BitOperation
{
    And,
    Or,
    Xor,
    Not,
}

/// <summary><c>BITOP AND|OR|XOR|NOT destkey key [key ...]</c>: stores the bitwise operation of the strings.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Destination">A slice of the request, valid only while the command runs.</param>
/// <param name="Sources">Slices of the request; <c>NOT</c> has exactly one.</param>
public sealed record BitOpCommand(Keyspace Keyspace, BitOperation Operation, ReadOnlyMemory<byte> Destination, ReadOnlyMemory<byte>[] Sources)
    : IRedisCommand;
