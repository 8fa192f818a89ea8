using Redis.Application.Routing;

namespace Redis.Application.Commands.Set;

/// <summary><c>SETNX key value</c> is <c>SET key value NX</c> answering 1 or 0 (Redis's <c>setnxCommand</c>).</summary>
internal sealed class SetNxCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("setnx", 3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key value", "Set the value of a key, only if the key does not exist", "string"),
    };

    public BindResult Bind(ref ArgCursor args) => new(new SetCommand(args.Keyspace, 
        args.NextMemory(), args.NextMemory(), Condition: SetCondition.Nx, RepliesWithInteger: true, CommandName: Spec.Name));
}
