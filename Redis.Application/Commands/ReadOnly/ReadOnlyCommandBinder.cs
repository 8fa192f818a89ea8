using Redis.Application.Routing;

namespace Redis.Application.Commands.ReadOnly;

internal sealed class ReadOnlyCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("readonly", 1, ["fast", "loading", "stale"])
    {
        Doc = new(string.Empty, "Enables read queries for a connection to a cluster replica node", "cluster"),
    };

    public BindResult Bind(ref ArgCursor args) => new(ReadOnlyCommand.Instance);
}
