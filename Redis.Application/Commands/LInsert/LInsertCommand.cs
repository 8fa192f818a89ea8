using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LInsert;

/// <summary><c>LINSERT key BEFORE|AFTER pivot element</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record LInsertCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, bool After, ReadOnlyMemory<byte> Pivot, byte[] Element) : IRedisCommand;
