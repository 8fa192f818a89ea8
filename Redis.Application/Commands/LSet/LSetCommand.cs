using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LSet;

/// <summary><c>LSET key index element</c>; the index is parsed after the lookup, as Redis does, so <paramref name="Index"/> is null when it is not an integer.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record LSetCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long? Index, byte[] Element) : IRedisCommand;
