using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Watch;

/// <summary><c>WATCH key [key ...]</c>: make the connection's next <c>EXEC</c> fail if any of the keys changes first.</summary>
/// <param name="Keys">Slices of the request; the keyspace copies each key it starts watching.</param>
public sealed record WatchCommand(ClientSession Session, ReadOnlyMemory<byte>[] Keys) : IRedisCommand;
