using Redis.Application.Routing;

namespace Redis.Application.Commands.Del;

internal sealed class DelCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("del", -2, ["write"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Delete keys", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new DelCommand(args.Keyspace, args.RestMemory()));
}
