using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Ttl;

/// <summary><c>TTL key</c>, or <c>PTTL key</c> when <paramref name="InMilliseconds"/> is set.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record TtlCommand(ReadOnlyMemory<byte> Key, bool InMilliseconds = false) : IRedisCommand;
