using Redis.Application.Routing;

namespace Redis.Application.Commands.ReadWrite;

internal sealed class ReadWriteCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("readwrite", 1, ["fast", "loading", "stale"])
    {
        Doc = new(string.Empty, "Disables read queries for a connection to a cluster replica node", "cluster"),
    };

    public BindResult Bind(ref ArgCursor args) => new(ReadWriteCommand.Instance);
}
