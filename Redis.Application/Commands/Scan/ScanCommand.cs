using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Scan;

/// <summary><c>SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Cursor">0 to start, else a cursor a previous call answered.</param>
/// <param name="Pattern">The MATCH pattern, or null for every key; a slice of the request.</param>
/// <param name="Count">How many keys to visit in this call (Redis's hint, default 10).</param>
/// <param name="Type">The TYPE filter, or null; a slice of the request.</param>
public sealed record ScanCommand(Keyspace Keyspace, ulong Cursor, ReadOnlyMemory<byte>? Pattern = null, long Count = 10, ReadOnlyMemory<byte>? Type = null) : IRedisCommand;
