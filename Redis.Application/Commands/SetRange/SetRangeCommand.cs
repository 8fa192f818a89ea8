using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SetRange;

/// <summary><c>SETRANGE key offset value</c>: overwrite part of the value, padding with zero bytes.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Value">A slice of the request; the handler copies it.</param>
public sealed record SetRangeCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Offset, ReadOnlyMemory<byte> Value) : IRedisCommand;
