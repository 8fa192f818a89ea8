using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LPos;

/// <summary><c>LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record LPosCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Element, long Rank, long Count, long MaxLen) : IRedisCommand;
