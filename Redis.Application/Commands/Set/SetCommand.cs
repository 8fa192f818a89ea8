using Redis.Application.Abstractions;

namespace Redis.Application.Commands.Set;

/// <summary><c>SET key value [EX seconds]</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Value">A slice of the request; the handler copies it into the keyspace.</param>
/// <param name="ExpireSeconds">The <c>EX</c> option, or null for no expiry.</param>
public sealed record SetCommand(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Value, long? ExpireSeconds = null) : IRedisCommand;
