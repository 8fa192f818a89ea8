using Redis.Application.Routing;

namespace Redis.Application.Commands.Exists;

internal sealed class ExistsCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("exists", -2, ["readonly", "fast"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Count how many of the given keys exist", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new ExistsCommand(args.Keyspace, args.RestMemory()));
}
