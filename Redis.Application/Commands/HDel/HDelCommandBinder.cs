using Redis.Application.Routing;

namespace Redis.Application.Commands.HDel;

internal sealed class HDelCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hdel", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key field [field ...]", "Delete one or more hash fields", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new HDelCommand(args.Keyspace, args.NextMemory(), args.RestMemory()));
}
