using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Persist;

/// <summary><c>PERSIST key</c>: remove the key's time to live.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record PersistCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key) : IRedisCommand;
