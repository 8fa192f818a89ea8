using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.DbSize;

/// <summary><c>DBSIZE</c>, of the connection's selected database.</summary>
public sealed record DbSizeCommand(Keyspace Keyspace) : IRedisCommand;
