using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Move;

/// <summary><c>MOVE key db</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound: where the key is.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Database">The index of the database to move it to.</param>
public sealed record MoveCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, int Database) : IRedisCommand;
