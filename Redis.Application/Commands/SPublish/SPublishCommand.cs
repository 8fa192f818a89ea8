using Redis.Application.Abstractions;

namespace Redis.Application.Commands.SPublish;

/// <summary><c>SPUBLISH shardchannel message</c>: to the shard channel's subscribers only.</summary>
/// <param name="Channel">A slice of the request: every message is encoded before the command ends.</param>
/// <param name="Message">A slice of the request, likewise.</param>
public sealed record SPublishCommand(ReadOnlyMemory<byte> Channel, ReadOnlyMemory<byte> Message) : IRedisCommand;
