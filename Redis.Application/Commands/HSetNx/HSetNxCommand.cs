using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HSetNx;

/// <summary><c>HSETNX key field value</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Field">A slice of the request.</param>
/// <param name="Value">A slice of the request, copied when stored.</param>
public sealed record HSetNxCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Field, ReadOnlyMemory<byte> Value) : IRedisCommand;
