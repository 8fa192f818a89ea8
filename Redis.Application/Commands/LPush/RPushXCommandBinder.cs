using Redis.Application.Routing;

namespace Redis.Application.Commands.LPush;

internal sealed class RPushXCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("rpushx", -3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key element [element ...]", "Append an element to a list, only if the list exists", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new LPushCommand(args.Keyspace, key, args.RestBytes(), Left: false, OnlyIfExists: true));
    }
}
