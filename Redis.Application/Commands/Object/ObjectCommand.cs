using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Object;

/// <summary><c>OBJECT ENCODING|FREQ|REFCOUNT key</c> or <c>OBJECT HELP</c>.</summary>
/// <param name="Keyspace">The connection's selected database.</param>
/// <param name="Key">A slice of the request, valid only while the command runs; empty for <c>HELP</c>.</param>
public sealed record ObjectCommand(Keyspace Keyspace, ObjectSubcommand Subcommand, ReadOnlyMemory<byte> Key) : IRedisCommand;
