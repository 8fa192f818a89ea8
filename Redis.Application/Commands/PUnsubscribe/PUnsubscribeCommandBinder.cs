using Redis.Application.Routing;

namespace Redis.Application.Commands.PUnsubscribe;

/// <remarks>Allowed to a RESP2 subscriber, as Redis's <c>processCommand</c> names it.</remarks>
internal sealed class PUnsubscribeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("punsubscribe", -1, ["pubsub", "noscript", "loading", "stale"])
    {
        Doc = new("[pattern [pattern ...]]", "Stop listening for messages posted to channels matching the given patterns", "pubsub"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new PUnsubscribeCommand(args.Session, args.RestBytes()));
}
