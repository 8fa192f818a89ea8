using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Restore;

/// <summary><c>RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]</c>, its options checked.</summary>
/// <param name="Ttl">The TTL argument as sent: it is checked after the key, as Redis checks it.</param>
public sealed record RestoreCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Ttl, ReadOnlyMemory<byte> Payload, bool Replace, bool AbsoluteTtl, long IdleSeconds = -1, long Frequency = -1) : IRedisCommand;
