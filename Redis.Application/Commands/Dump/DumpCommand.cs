using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Dump;

/// <summary><c>DUMP key</c>.</summary>
public sealed record DumpCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key) : IRedisCommand;
