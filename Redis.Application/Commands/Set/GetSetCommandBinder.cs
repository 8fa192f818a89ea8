using Redis.Application.Routing;

namespace Redis.Application.Commands.Set;

/// <summary><c>GETSET key value</c> (deprecated in Redis 6.2) is <c>SET key value GET</c>: the old value back, the TTL cleared.</summary>
internal sealed class GetSetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("getset", 3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key value", "Set the string value of a key and return its old value", "string"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new SetCommand(args.Keyspace, args.NextMemory(), args.NextMemory(), ReturnOldValue: true, CommandName: Spec.Name));
}
