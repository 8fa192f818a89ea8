using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HGet;

/// <summary><c>HGET key field</c>, <c>HSTRLEN key field</c> or <c>HEXISTS key field</c>: one question about one field.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Field">A slice of the request.</param>
/// <param name="Question">Which of the three commands.</param>
public sealed record HGetCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Field, HGetQuestion Question) : IRedisCommand;

/// <summary>What <see cref="HGetCommand"/> answers about its field.</summary>
public enum HGetQuestion
{
    /// <summary><c>HGET</c>: the value, or nil.</summary>
    Value,

    /// <summary><c>HSTRLEN</c>: the value's length, or 0.</summary>
    Length,

    /// <summary><c>HEXISTS</c>: 1 or 0.</summary>
    Exists,
}
