using Redis.Application.Routing;

namespace Redis.Application.Commands.Quit;

/// <remarks>Redis declares QUIT with arity -1 and ignores any arguments.</remarks>
internal sealed class QuitCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("quit", -1, ["fast", "stale"])
    {
        Doc = new(string.Empty, "Close the connection", "connection"),
    };

    public BindResult Bind(ref ArgCursor args) => new(QuitCommand.Instance);
}
