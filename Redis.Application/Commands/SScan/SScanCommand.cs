using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.SScan;

/// <summary><c>SSCAN key cursor [MATCH pattern] [COUNT count]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Cursor">0 to start, else a cursor a previous call answered.</param>
/// <param name="Options">MATCH and COUNT, when they parsed.</param>
/// <param name="OptionsError">The options' error, answered only when the key exists (Redis parses them after the lookup).</param>
public sealed record SScanCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ulong Cursor, ScanOptions Options, Reply? OptionsError) : IRedisCommand;
