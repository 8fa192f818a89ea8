using Redis.Application.Routing;

namespace Redis.Application.Commands.HSetNx;

internal sealed class HSetNxCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hsetnx", 4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key field value", "Set the value of a hash field, only if the field does not exist", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new HSetNxCommand(args.Keyspace, args.NextMemory(), args.NextMemory(), args.NextMemory()));
}
