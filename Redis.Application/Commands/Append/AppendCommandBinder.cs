using Redis.Application.Routing;

namespace Redis.Application.Commands.Append;

internal sealed class AppendCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("append", 3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key value", "Append a value to a key", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new AppendCommand(args.Keyspace, args.NextMemory(), args.NextMemory()));
}
