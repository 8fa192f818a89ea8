using Redis.Application.Routing;

namespace Redis.Application.Commands.Publish;

internal sealed class PublishCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("publish", 3, ["pubsub", "loading", "stale", "fast", "may_replicate"])
    {
        Doc = new("channel message", "Post a message to a channel", "pubsub"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new PublishCommand(args.NextMemory(), args.NextMemory()));
}
