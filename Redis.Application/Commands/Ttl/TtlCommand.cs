using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Ttl;

/// <summary>
/// <c>TTL key</c>, and its twins <c>PTTL</c>, <c>EXPIRETIME</c> and <c>PEXPIRETIME</c>, which Redis runs through one
/// function (<c>ttlGenericCommand</c>) with a unit and "relative or absolute".
/// </summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="InMilliseconds">Answer in milliseconds rather than seconds.</param>
/// <param name="Absolute">Answer the expiry instant as a Unix time rather than the time left.</param>
public sealed record TtlCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, bool InMilliseconds = false, bool Absolute = false) : IRedisCommand;
