using Redis.Application.Abstractions;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.Subscribe;

/// <summary><c>SUBSCRIBE channel [channel ...]</c>: listen to the channels; one confirmation per channel.</summary>
public sealed record SubscribeCommand(ClientSession Session, byte[][] Channels) : IRedisCommand;
