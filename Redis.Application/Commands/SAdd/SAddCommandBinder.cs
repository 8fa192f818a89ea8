using Redis.Application.Routing;

namespace Redis.Application.Commands.SAdd;

internal sealed class SAddCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sadd", -3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key member [member ...]", "Add one or more members to a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SAddCommand(args.Keyspace, args.NextMemory(), args.RestMemory()));
}
