using Redis.Application.Routing;

namespace Redis.Application.Commands.HMGet;

internal sealed class HMGetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hmget", -3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key field [field ...]", "Get the values of all the given hash fields", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new HMGetCommand(args.Keyspace, args.NextMemory(), args.RestMemory()));
}
