using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LMove;

/// <summary><c>LMOVE source destination LEFT|RIGHT LEFT|RIGHT</c> and <c>RPOPLPUSH source destination</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Source">A slice of the request, valid only while the command runs.</param>
/// <param name="Destination">A slice of the request, valid only while the command runs.</param>
/// <param name="FromLeft">True to pop at the source's head.</param>
/// <param name="ToLeft">True to push at the destination's head.</param>
/// <remarks><c>BLMOVE</c> and <c>BRPOPLPUSH</c> are this command with <see cref="Wait"/>.</remarks>
public sealed record LMoveCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Source, ReadOnlyMemory<byte> Destination, bool FromLeft, bool ToLeft) : IRedisCommand
{
    /// <summary>Set for the blocking forms: who waits, and how long, when the source is missing.</summary>
    public BlockingWait? Wait { get; init; }
}
