using Redis.Application.Routing;

namespace Redis.Application.Commands.LastSave;

internal sealed class LastSaveCommandBinder : ICommandBinder
{
    private static readonly LastSaveCommand Command = new();

    public CommandSpec Spec { get; } = new("lastsave", 1, ["loading", "stale", "fast"])
    {
        Doc = new(string.Empty, "Get the UNIX time stamp of the last successful save to disk", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(Command);
}
