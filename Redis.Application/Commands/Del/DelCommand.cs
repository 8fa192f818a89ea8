using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Del;

/// <summary><c>DEL key [key ...]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Keys">Slices of the request, valid only while the command runs.</param>
public sealed record DelCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
