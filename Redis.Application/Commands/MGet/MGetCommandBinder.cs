using Redis.Application.Routing;

namespace Redis.Application.Commands.MGet;

internal sealed class MGetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("mget", -2, ["readonly", "fast"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Get the values of all the given keys", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new MGetCommand(args.Keyspace, args.RestMemory()));
}
