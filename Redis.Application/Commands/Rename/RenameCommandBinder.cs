using Redis.Application.Routing;

namespace Redis.Application.Commands.Rename;

internal sealed class RenameCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("rename", 3, ["write"], 1, 2, 1)
    {
        Doc = new("key newkey", "Rename a key, keeping its time to live", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new RenameCommand(args.Keyspace, args.NextMemory(), args.NextMemory()));
}
