using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.HSet;

/// <remarks>An odd number of fields and values is an arity error, which Redis's <c>hsetCommand</c> checks itself.</remarks>
internal sealed class HSetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hset", -4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key field value [field value ...]", "Set the string value of a hash field", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => Bind(ref args, Spec.Name, answerOk: false);

    internal static BindResult Bind(ref ArgCursor args, string name, bool answerOk)
    {
        var key = args.NextMemory();
        return args.Remaining % 2 != 0
            ? Errors.WrongArity(name)
            : new BindResult(new HSetCommand(args.Keyspace, key, args.RestMemory(), answerOk));
    }
}
