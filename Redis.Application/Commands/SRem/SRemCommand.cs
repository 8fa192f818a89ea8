using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SRem;

/// <summary><c>SREM key member [member ...]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Members">Slices of the request.</param>
public sealed record SRemCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte>[] Members) : IRedisCommand;
