using Redis.Application.Routing;

namespace Redis.Application.Commands.Echo;

internal sealed class EchoCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("echo", 2, ["loading", "stale", "fast"])
    {
        Doc = new("message", "Echo the given string", "connection"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new EchoCommand(args.NextBytes()));
}
