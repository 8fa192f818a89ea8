using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.SetAlgebra;

/// <summary><c>SINTERCARD numkeys key [key ...] [LIMIT limit]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Keys">The keys; slices of the request.</param>
/// <param name="Limit">Stop counting there; 0 for no limit.</param>
public sealed record SInterCardCommand(Keyspace Keyspace, ReadOnlyMemory<byte>[] Keys, long Limit) : IRedisCommand;
