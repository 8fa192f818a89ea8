using Redis.Application.Routing;

namespace Redis.Application.Commands.Move;

internal sealed class MoveCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("move", 3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key db", "Move a key to another database", "generic"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt32(out var database, out var error) ? new BindResult(new MoveCommand(args.Keyspace, key, database)) : error;
    }
}
