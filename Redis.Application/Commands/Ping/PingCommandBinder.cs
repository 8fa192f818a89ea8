using Redis.Application.Routing;

namespace Redis.Application.Commands.Ping;

internal sealed class PingCommandBinder : ICommandBinder
{
    private static readonly PingCommand Bare = new(Message: null);

    public CommandSpec Spec { get; } = new("ping", -1, ["fast", "stale"])
    {
        Doc = new("[message]", "Ping the server", "connection"),
    };

    public BindResult Bind(ref ArgCursor args) => args.Remaining switch
    {
        0 => new BindResult(Bare),
        1 => new BindResult(new PingCommand(args.NextBytes())),
        _ => Spec.ArityError,
    };
}
