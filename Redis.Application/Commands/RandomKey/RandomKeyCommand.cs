using Redis.Application.Abstractions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.RandomKey;

/// <summary><c>RANDOMKEY</c>, in the connection's selected database.</summary>
public sealed record RandomKeyCommand(Keyspace Keyspace) : IRedisCommand;
