using Redis.Application.Routing;

namespace Redis.Application.Commands.LLen;

internal sealed class LLenCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("llen", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the length of a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new LLenCommand(args.Keyspace, args.NextMemory()));
}
