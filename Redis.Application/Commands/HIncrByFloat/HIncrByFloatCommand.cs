using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HIncrByFloat;

/// <summary><c>HINCRBYFLOAT key field increment</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Field">A slice of the request.</param>
/// <param name="Increment">The increment, parsed as Redis parses it (a C <c>long double</c>), finite.</param>
public sealed record HIncrByFloatCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Field, LongDouble Increment) : IRedisCommand;
