using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Wait;

/// <summary><c>WAIT numreplicas timeout</c>: <paramref name="Timeout"/> in milliseconds, 0 for ever.</summary>
public sealed record WaitCommand(ClientSession Session, long NumReplicas, long Timeout) : IRedisCommand;
