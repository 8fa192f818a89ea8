using Redis.Application.Routing;

namespace Redis.Application.Commands.Strlen;

internal sealed class StrlenCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("strlen", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the length of the value stored in a key (0 when missing)", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new StrlenCommand(args.Keyspace, args.NextMemory()));
}
