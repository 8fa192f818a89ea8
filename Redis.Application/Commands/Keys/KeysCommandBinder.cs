using Redis.Application.Routing;

namespace Redis.Application.Commands.Keys;

internal sealed class KeysCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("keys", 2, ["readonly"])
    {
        Doc = new("pattern", "Find all keys matching the given glob pattern (O(n): prefer SCAN)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new KeysCommand(args.Keyspace, args.NextMemory()));
}
