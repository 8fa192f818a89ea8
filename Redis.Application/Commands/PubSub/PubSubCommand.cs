using Redis.Application.Abstractions;

namespace Redis.Application.Commands.PubSub;

/// <summary><c>PUBSUB CHANNELS [pattern] | NUMSUB [channel ...] | NUMPAT | SHARDCHANNELS [pattern] | SHARDNUMSUB [channel ...] | HELP</c>.</summary>
/// <param name="Pattern">The glob of CHANNELS and SHARDCHANNELS; null for every channel.</param>
/// <param name="Channels">The channels of NUMSUB and SHARDNUMSUB, slices of the request.</param>
public sealed record PubSubCommand(PubSubSubcommand Subcommand, ReadOnlyMemory<byte>? Pattern, ReadOnlyMemory<byte>[] Channels) : IRedisCommand;
