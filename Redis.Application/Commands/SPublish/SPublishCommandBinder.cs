using Redis.Application.Routing;

namespace Redis.Application.Commands.SPublish;

internal sealed class SPublishCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("spublish", 3, ["pubsub", "loading", "stale", "fast", "may_replicate"], 1, 1, 1)
    {
        Doc = new("shardchannel message", "Post a message to a shard channel", "pubsub"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SPublishCommand(args.NextMemory(), args.NextMemory()));
}
