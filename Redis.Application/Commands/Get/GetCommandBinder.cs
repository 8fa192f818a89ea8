using Redis.Application.Routing;

namespace Redis.Application.Commands.Get;

internal sealed class GetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("get", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Get the value of a key", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new GetCommand(args.Keyspace, args.NextMemory()));
}
