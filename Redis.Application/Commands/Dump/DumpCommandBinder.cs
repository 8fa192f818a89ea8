using Redis.Application.Routing;

namespace Redis.Application.Commands.Dump;

internal sealed class DumpCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("dump", 2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key", "Return a serialized version of the value stored at the specified key.", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new DumpCommand(args.Keyspace, args.NextMemory()));
}
