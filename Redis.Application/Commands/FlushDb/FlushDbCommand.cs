using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.FlushDb;

/// <summary><c>FLUSHDB [ASYNC | SYNC]</c>: empties the connection's selected database.</summary>
public sealed record FlushDbCommand(Keyspace Keyspace) : IRedisCommand;
