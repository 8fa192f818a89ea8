using Redis.Application.Routing;

namespace Redis.Application.Commands.Multi;

/// <remarks>Redis runs MULTI at once even inside a transaction, to answer that transactions do not nest.</remarks>
internal sealed class MultiCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("multi", 1, ["noscript", "loading", "stale", "fast", "allow_busy"])
    {
        Doc = new(string.Empty, "Mark the start of a transaction block", "transactions"),
        RunsInsideMulti = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new MultiCommand(args.Session));
}
