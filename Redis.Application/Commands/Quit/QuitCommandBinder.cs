using Redis.Application.Routing;

namespace Redis.Application.Commands.Quit;

/// <remarks>
/// Redis declares QUIT with arity -1 and ignores any arguments; its flags are Redis's, <c>no_auth</c> included, so a
/// connection may leave before it has authenticated.
/// </remarks>
internal sealed class QuitCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("quit", -1, ["noscript", "loading", "stale", "fast", "no_auth", "allow_busy"])
    {
        Doc = new(string.Empty, "Close the connection", "connection"),
        RunsInsideMulti = true,
        AllowedInSubscriberMode = true,
    };

    public BindResult Bind(ref ArgCursor args) => new(QuitCommand.Instance);
}
