using Redis.Application.Abstractions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.ZScan;

/// <summary><c>ZSCAN key cursor [MATCH pattern] [COUNT count]</c>.</summary>
/// <param name="OptionsError">A bad option, answered only when the key exists (Redis parses the options after the lookup).</param>
public sealed record ZScanCommand(
    Keyspace Keyspace,
    ReadOnlyMemory<byte> Key,
    ulong Cursor,
    ReadOnlyMemory<byte>? Pattern,
    long Count,
    Reply? OptionsError) : IRedisCommand;
