using Redis.Application.Routing;

namespace Redis.Application.Commands.Type;

internal sealed class TypeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("type", 2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key", "Determine the type stored at key (string, or none when missing)", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new TypeCommand(args.Keyspace, args.NextMemory()));
}
