using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SetAlgebra;

/// <summary><c>SINTER</c>, <c>SUNION</c>, <c>SDIFF</c> <c>key [key ...]</c>, and their <c>STORE</c> forms with a destination first.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Operation">Which operation.</param>
/// <param name="Destination">The STORE forms' destination, or null to answer the members; a slice of the request.</param>
/// <param name="Keys">The source keys; slices of the request.</param>
public sealed record SetAlgebraCommand(Keyspace Keyspace, SetAlgebraOperation Operation, ReadOnlyMemory<byte>? Destination, ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
