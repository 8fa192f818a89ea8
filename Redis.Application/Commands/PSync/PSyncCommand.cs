using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.PSync;

/// <summary>
/// <c>PSYNC replicationid offset</c>, or <c>SYNC</c> (<paramref name="ReplicationId"/> null): the connection asks to
/// become a replica, continuing from <paramref name="Offset"/> of that history if it can.
/// </summary>
public sealed record PSyncCommand(ClientSession Session, string? ReplicationId, long Offset) : IRedisCommand;
