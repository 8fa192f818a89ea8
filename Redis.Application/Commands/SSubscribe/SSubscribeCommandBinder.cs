using Redis.Application.Routing;

namespace Redis.Application.Commands.SSubscribe;

/// <remarks>Allowed to a RESP2 subscriber, as Redis's <c>processCommand</c> names it.</remarks>
internal sealed class SSubscribeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("ssubscribe", -2, ["pubsub", "noscript", "loading", "stale"], 1, -1, 1)
    {
        Doc = new("shardchannel [shardchannel ...]", "Listen for messages published to the given shard channels", "pubsub"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new SSubscribeCommand(args.Session, args.RestBytes()));
}
