using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SMove;

/// <summary><c>SMOVE source destination member</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Source">A slice of the request, valid only while the command runs.</param>
/// <param name="Destination">A slice of the request.</param>
/// <param name="Member">A slice of the request.</param>
public sealed record SMoveCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Source, ReadOnlyMemory<byte> Destination, ReadOnlyMemory<byte> Member) : IRedisCommand;
