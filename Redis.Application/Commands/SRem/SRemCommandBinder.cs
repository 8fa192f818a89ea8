using Redis.Application.Routing;

namespace Redis.Application.Commands.SRem;

internal sealed class SRemCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("srem", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key member [member ...]", "Remove one or more members from a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SRemCommand(args.Keyspace, args.NextMemory(), args.RestMemory()));
}
