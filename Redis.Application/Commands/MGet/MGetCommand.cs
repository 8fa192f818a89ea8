using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.MGet;

/// <summary><c>MGET key [key ...]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
public sealed record MGetCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
