namespace Redis.Application.Commands.PubSub;

/// <summary>The subcommands of <c>PUBSUB</c>.</summary>
public enum PubSubSubcommand
{
    Channels,
    NumSub,
    NumPat,
    ShardChannels,
    ShardNumSub,
    Help,
}
