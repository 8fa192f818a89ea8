using Redis.Application.Routing;

namespace Redis.Application.Commands.Unwatch;

/// <remarks>Unlike WATCH, Redis queues UNWATCH inside a transaction; EXEC has released the watches by the time it runs.</remarks>
internal sealed class UnwatchCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("unwatch", 1, ["noscript", "loading", "stale", "fast", "allow_busy"])
    {
        Doc = new(string.Empty, "Forget about all watched keys", "transactions"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new UnwatchCommand(args.Session));
}
