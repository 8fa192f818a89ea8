using Redis.Application.Routing;

namespace Redis.Application.Commands.Watch;

/// <remarks>Redis runs WATCH at once inside a transaction, to refuse it there.</remarks>
internal sealed class WatchCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("watch", -2, ["noscript", "loading", "stale", "fast", "allow_busy"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Watch the given keys to determine execution of the MULTI/EXEC block", "transactions"),
        RunsInsideMulti = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new WatchCommand(args.Keyspace, args.Session, args.RestMemory()));
}
