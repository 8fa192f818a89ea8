using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Memory;

/// <summary><c>MEMORY USAGE key [SAMPLES n]</c>, <c>STATS</c>, <c>DOCTOR</c>, <c>MALLOC-STATS</c>, <c>PURGE</c> or <c>HELP</c>.</summary>
/// <param name="Keyspace">The connection's selected database.</param>
/// <param name="Key">For <c>USAGE</c>, a slice of the request valid only while the command runs; empty otherwise.</param>
public sealed record MemoryCommand(Keyspace Keyspace, MemorySubcommand Subcommand, ReadOnlyMemory<byte> Key) : IRedisCommand;
