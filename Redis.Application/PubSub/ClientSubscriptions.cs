namespace Redis.Application.PubSub;

/// <summary>What one connection is subscribed to: Redis's <c>c->pubsub_channels</c>, <c>pubsub_patterns</c> and <c>pubsubshard_channels</c>.</summary>
/// <remarks>Created on the first subscription, so a connection that never subscribes holds none.</remarks>
internal sealed class ClientSubscriptions
{
    public SubscriptionSet Channels { get; } = new();

    public SubscriptionSet Patterns { get; } = new();

    public SubscriptionSet ShardChannels { get; } = new();
}
