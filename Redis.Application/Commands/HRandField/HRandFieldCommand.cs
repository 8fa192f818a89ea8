using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HRandField;

/// <summary><c>HRANDFIELD key [count [WITHVALUES]]</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Count">Null for one field as a bulk string; positive for distinct fields, negative for fields that may repeat.</param>
/// <param name="WithValues">True to answer each field's value after it.</param>
/// <param name="Resp3">True when the connection speaks RESP3: a field and its value are then a nested pair.</param>
public sealed record HRandFieldCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, long? Count, bool WithValues, bool Resp3) : IRedisCommand;
