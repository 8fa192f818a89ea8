using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.ZCard;

/// <summary><c>ZCARD key</c>.</summary>
public sealed record ZCardCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key) : IRedisCommand;
