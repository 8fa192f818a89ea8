using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Discard;

/// <summary><c>DISCARD</c>: drop the open transaction's queue and the connection's watched keys.</summary>
public sealed record DiscardCommand(ClientSession Session) : IRedisCommand;
