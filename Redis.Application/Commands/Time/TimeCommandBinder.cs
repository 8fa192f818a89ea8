using Redis.Application.Routing;

namespace Redis.Application.Commands.Time;

internal sealed class TimeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("time", 1, ["loading", "stale", "fast"])
    {
        Doc = new(string.Empty, "Return the server's time: Unix seconds and microseconds", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(TimeCommand.Instance);
}
