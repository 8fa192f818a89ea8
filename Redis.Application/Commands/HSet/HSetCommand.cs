using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.HSet;

/// <summary><c>HSET key field value [field value ...]</c>, and <c>HMSET</c>, which answers <c>+OK</c>.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
/// <param name="Pairs">Fields and values in turn, slices of the request.</param>
/// <param name="AnswerOk">True for <c>HMSET</c>: answer <c>+OK</c> instead of the count of new fields.</param>
public sealed record HSetCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte>[] Pairs, bool AnswerOk) : IRedisCommand;
