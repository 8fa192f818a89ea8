using Redis.Application.Routing;

namespace Redis.Application.Commands.Ping;

/// <remarks>Allowed to a RESP2 subscriber; whether the connection is one is read as the command is bound (inside EXEC too).</remarks>
internal sealed class PingCommandBinder : ICommandBinder
{
    private static readonly PingCommand Bare = new(Message: null);
    private static readonly PingCommand BareSubscriber = new(Message: null, Subscriber: true);

    public CommandSpec Spec { get; } = new("ping", -1, ["fast"])
    {
        Doc = new("[message]", "Ping the server", "connection"),
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var subscriber = args.Session.InSubscriberMode;
        return args.Remaining switch
        {
            0 => new BindResult(subscriber ? BareSubscriber : Bare),
            1 => new BindResult(new PingCommand(args.NextBytes(), subscriber)),
            _ => Spec.ArityError,
        };
    }
}
