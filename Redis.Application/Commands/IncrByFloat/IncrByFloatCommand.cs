using Redis.Application.Abstractions;
using Redis.Application.Common;

namespace Redis.Application.Commands.IncrByFloat;

/// <summary><c>INCRBYFLOAT key increment</c>.</summary>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Increment">The increment, already parsed as Redis parses it (a C <c>long double</c>).</param>
public sealed record IncrByFloatCommand(ReadOnlyMemory<byte> Key, LongDouble Increment) : IRedisCommand;
