using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HGetAll;

/// <summary><c>HGETALL key</c>, <c>HKEYS key</c> or <c>HVALS key</c>: the whole hash, or its fields, or its values.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Parts">Which of the three commands.</param>
public sealed record HGetAllCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, HGetAllParts Parts) : IRedisCommand;

/// <summary>What <see cref="HGetAllCommand"/> lists.</summary>
public enum HGetAllParts
{
    /// <summary><c>HGETALL</c>: fields and values, a map in RESP3.</summary>
    Pairs,

    /// <summary><c>HKEYS</c>: the fields, an array.</summary>
    Fields,

    /// <summary><c>HVALS</c>: the values, an array.</summary>
    Values,
}
