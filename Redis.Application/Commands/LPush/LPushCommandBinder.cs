using Redis.Application.Routing;

namespace Redis.Application.Commands.LPush;

internal sealed class LPushCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lpush", -3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key element [element ...]", "Prepend one or multiple elements to a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new LPushCommand(args.Keyspace, key, args.RestBytes(), Left: true, OnlyIfExists: false));
    }
}
