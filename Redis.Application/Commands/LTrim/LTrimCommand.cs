using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.LTrim;

/// <summary><c>LTRIM key start stop</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record LTrimCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long Start, long Stop) : IRedisCommand;
