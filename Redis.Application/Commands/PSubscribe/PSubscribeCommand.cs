using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.PSubscribe;

/// <summary><c>PSUBSCRIBE pattern [pattern ...]</c>: listen to every channel matching the glob patterns.</summary>
public sealed record PSubscribeCommand(ClientSession Session, byte[][] Patterns) : IRedisCommand;
