using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.PUnsubscribe;

/// <summary><c>PUNSUBSCRIBE [pattern ...]</c>: from the patterns named, or from every pattern.</summary>
public sealed record PUnsubscribeCommand(ClientSession Session, byte[][] Patterns) : IRedisCommand;
