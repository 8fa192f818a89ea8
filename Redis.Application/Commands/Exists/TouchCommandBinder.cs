using Redis.Application.Routing;

namespace Redis.Application.Commands.Exists;

/// <summary>
/// <c>TOUCH key [key ...]</c> counts the keys that exist, as <c>EXISTS</c> does; in Redis it also refreshes each key's
/// last-access time, which this server does not keep (it has no eviction).
/// </summary>
internal sealed class TouchCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("touch", -2, ["readonly", "fast"], 1, -1, 1)
    {
        Doc = new("key [key ...]", "Count the given keys that exist (no access times are kept here)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new ExistsCommand(args.Keyspace, args.RestMemory()));
}
