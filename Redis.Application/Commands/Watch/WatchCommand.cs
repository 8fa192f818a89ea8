using Redis.Application.Abstractions;
using Redis.Application.Sessions;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Watch;

/// <summary><c>WATCH key [key ...]</c>: make the connection's next <c>EXEC</c> fail if any of the keys changes first.</summary>
/// <param name="Keyspace">The connection's selected database when the command was bound.</param>
/// <param name="Keys">Slices of the request; the keyspace copies each key it starts watching.</param>
public sealed record WatchCommand(Keyspace Keyspace, ClientSession Session, ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
