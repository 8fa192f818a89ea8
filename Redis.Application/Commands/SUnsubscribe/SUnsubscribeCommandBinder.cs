using Redis.Application.Routing;

namespace Redis.Application.Commands.SUnsubscribe;

/// <remarks>Allowed to a RESP2 subscriber, as Redis's <c>processCommand</c> names it.</remarks>
internal sealed class SUnsubscribeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sunsubscribe", -1, ["pubsub", "noscript", "loading", "stale"], 1, -1, 1)
    {
        Doc = new("[shardchannel [shardchannel ...]]", "Stop listening for messages posted to the given shard channels", "pubsub"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new SUnsubscribeCommand(args.Session, args.RestBytes()));
}
