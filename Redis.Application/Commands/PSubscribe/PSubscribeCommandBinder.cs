using Redis.Application.Routing;

namespace Redis.Application.Commands.PSubscribe;

/// <remarks>Allowed to a RESP2 subscriber, as Redis's <c>processCommand</c> names it.</remarks>
internal sealed class PSubscribeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("psubscribe", -2, ["pubsub", "noscript", "loading", "stale"])
    {
        Doc = new("pattern [pattern ...]", "Listen for messages published to channels matching the given patterns", "pubsub"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new PSubscribeCommand(args.Session, args.RestBytes()));
}
