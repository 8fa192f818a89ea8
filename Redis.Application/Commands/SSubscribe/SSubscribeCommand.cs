using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.SSubscribe;

/// <summary><c>SSUBSCRIBE shardchannel [shardchannel ...]</c>: listen to shard channels, a namespace of their own outside cluster mode.</summary>
public sealed record SSubscribeCommand(ClientSession Session, byte[][] Channels) : IRedisCommand;
