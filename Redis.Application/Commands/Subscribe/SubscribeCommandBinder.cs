using Redis.Application.Routing;

namespace Redis.Application.Commands.Subscribe;

/// <remarks>Allowed to a RESP2 subscriber, as Redis's <c>processCommand</c> names it.</remarks>
internal sealed class SubscribeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("subscribe", -2, ["pubsub", "noscript", "loading", "stale"])
    {
        Doc = new("channel [channel ...]", "Listen for messages published to the given channels", "pubsub"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new SubscribeCommand(args.Session, args.RestBytes()));
}
