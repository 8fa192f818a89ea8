using Redis.Application.Routing;

namespace Redis.Application.Commands.Unsubscribe;

/// <remarks>Allowed to a RESP2 subscriber, as Redis's <c>processCommand</c> names it.</remarks>
internal sealed class UnsubscribeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("unsubscribe", -1, ["pubsub", "noscript", "loading", "stale"])
    {
        Doc = new("[channel [channel ...]]", "Stop listening for messages posted to the given channels", "pubsub"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new UnsubscribeCommand(args.Session, args.RestBytes()));
}
