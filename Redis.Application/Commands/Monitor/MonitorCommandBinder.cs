using Redis.Application.Routing;

namespace Redis.Application.Commands.Monitor;

internal sealed class MonitorCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("monitor", 1, ["admin", "noscript", "loading", "stale"])
    {
        Doc = new(string.Empty, "Listen for all requests received by the server in real time", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new MonitorCommand(args.Session));
}
