using Redis.Application.Routing;

namespace Redis.Application.Commands.MSet;

/// <summary><c>MSETNX key value [key value ...]</c>: <c>MSET</c>, all or nothing, only when none of the keys exists.</summary>
internal sealed class MSetNxCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("msetnx", -3, ["write", "denyoom"], 1, -1, 2)
    {
        Doc = new("key value [key value ...]", "Set multiple keys to multiple values, only if none of the keys exist", "string"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        args.Remaining % 2 == 0 ? new BindResult(new MSetCommand(args.Keyspace, args.RestMemory(), OnlyIfNoneExist: true)) : Spec.ArityError;
}
