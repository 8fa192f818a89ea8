using Redis.Application.Routing;

namespace Redis.Application.Commands.Discard;

internal sealed class DiscardCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("discard", 1, ["noscript", "loading", "stale", "fast", "allow_busy"])
    {
        Doc = new(string.Empty, "Discard all commands issued after MULTI", "transactions"),
        RunsInsideMulti = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new DiscardCommand(args.Session));
}
