using Redis.Application.Abstractions;
using Redis.Protocol;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HScan;

/// <summary><c>HSCAN key cursor [MATCH pattern] [COUNT count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Cursor">0 to start, else a cursor a previous call answered.</param>
/// <param name="Pattern">The MATCH pattern, or null for every field; a slice of the request.</param>
/// <param name="Count">How many positions to visit in this call (Redis's hint, default 10).</param>
/// <param name="OptionsError">The error of options that did not parse, answered only when the key is a hash, as Redis parses them after the lookup.</param>
public sealed record HScanCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ulong Cursor, ReadOnlyMemory<byte>? Pattern, long Count, Reply? OptionsError) : IRedisCommand;
