using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.IncrByFloat;

/// <summary><c>INCRBYFLOAT key increment</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Increment">The increment, already parsed as Redis parses it (a C <c>long double</c>).</param>
public sealed record IncrByFloatCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, LongDouble Increment) : IRedisCommand;
