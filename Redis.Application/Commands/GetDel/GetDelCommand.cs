using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.GetDel;

/// <summary><c>GETDEL key</c>: answer the value and delete the key.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Key">A slice of the request, valid only while the command runs.</param>
public sealed record GetDelCommand(Keyspace Keyspace, ReadOnlyMemory<byte> Key) : IRedisCommand;
