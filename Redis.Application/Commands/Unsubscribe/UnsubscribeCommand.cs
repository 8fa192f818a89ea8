using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Unsubscribe;

/// <summary><c>UNSUBSCRIBE [channel ...]</c>: from the channels named, or from every channel.</summary>
public sealed record UnsubscribeCommand(ClientSession Session, byte[][] Channels) : IRedisCommand;
