using Redis.Application.Routing;

namespace Redis.Application.Commands.Exec;

internal sealed class ExecCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("exec", 1, ["noscript", "loading", "stale", "skip_slowlog"])
    {
        Doc = new(string.Empty, "Execute all commands issued after MULTI", "transactions"),
        RunsInsideMulti = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new ExecCommand(args.Session));
}
