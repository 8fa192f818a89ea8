using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.ReplicaOf;

/// <summary><c>REPLICAOF host port</c> (or <c>SLAVEOF</c>): follow that master; <paramref name="Host"/> null for <c>NO ONE</c>.</summary>
public sealed record ReplicaOfCommand(ClientSession Session, string? Host, int Port) : IRedisCommand;
