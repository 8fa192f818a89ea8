using Redis.Application.Routing;

namespace Redis.Application.Commands.Role;

internal sealed class RoleCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("role", 1, ["noscript", "loading", "stale", "fast", "sentinel"])
    {
        Doc = new(string.Empty, "Return the role of the instance in the context of replication", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(RoleCommand.Instance);
}
