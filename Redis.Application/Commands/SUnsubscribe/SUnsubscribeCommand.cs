using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.SUnsubscribe;

/// <summary><c>SUNSUBSCRIBE [shardchannel ...]</c>: from the shard channels named, or from every one.</summary>
public sealed record SUnsubscribeCommand(ClientSession Session, byte[][] Channels) : IRedisCommand;
