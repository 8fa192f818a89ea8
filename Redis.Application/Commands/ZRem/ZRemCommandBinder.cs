using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRem;

internal sealed class ZRemCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrem", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key member [member ...]", "Remove one or more members from a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new ZRemCommand(args.Keyspace, key, args.RestMemory()));
    }
}
