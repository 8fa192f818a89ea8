using Redis.Application.Routing;

namespace Redis.Application.Commands.LPush;

internal sealed class LPushXCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lpushx", -3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key element [element ...]", "Prepend an element to a list, only if the list exists", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new LPushCommand(args.Keyspace, key, args.RestBytes(), Left: true, OnlyIfExists: true));
    }
}
