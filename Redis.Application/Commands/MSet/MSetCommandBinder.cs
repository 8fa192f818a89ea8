using Redis.Application.Routing;

namespace Redis.Application.Commands.MSet;

/// <remarks>An odd number of arguments is an arity error, worded as the router words one (Redis's <c>msetGenericCommand</c>).</remarks>
internal sealed class MSetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("mset", -3, ["write", "denyoom"], 1, -1, 2)
    {
        Doc = new("key value [key value ...]", "Set multiple keys to multiple values", "string"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        args.Remaining % 2 == 0 ? new BindResult(new MSetCommand(args.Keyspace, args.RestMemory())) : Spec.ArityError;
}
