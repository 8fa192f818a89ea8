using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Ttl;

/// <summary><c>TTL key</c>.</summary>
public sealed record TtlCommand(ReadOnlyMemory<byte> Key) : IRedisCommand;
