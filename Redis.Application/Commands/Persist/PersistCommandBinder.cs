using Redis.Application.Routing;

namespace Redis.Application.Commands.Persist;

internal sealed class PersistCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("persist", 2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Remove the expiration from a key", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new PersistCommand(args.Keyspace, args.NextMemory()));
}
