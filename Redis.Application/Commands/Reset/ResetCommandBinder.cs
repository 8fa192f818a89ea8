using Redis.Application.Routing;

namespace Redis.Application.Commands.Reset;

/// <remarks>
/// Redis 7.0's flags, <c>no_auth</c> included (a connection may reset before it authenticates). Like <c>QUIT</c> it runs
/// at once inside <c>MULTI</c>, which it ends, and is allowed in RESP2's subscriber mode, which it leaves.
/// </remarks>
internal sealed class ResetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("reset", 1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"])
    {
        Doc = new(string.Empty, "Reset the connection", "connection"),
        RunsInsideMulti = true,
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(new ResetCommand(args.Session));
}
