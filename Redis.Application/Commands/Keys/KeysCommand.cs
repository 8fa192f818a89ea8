using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Keys;

/// <summary><c>KEYS pattern</c>, with Redis's glob rules.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Pattern">A slice of the request, valid only while the command runs.</param>
public sealed record KeysCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Pattern) : IRedisCommand;
