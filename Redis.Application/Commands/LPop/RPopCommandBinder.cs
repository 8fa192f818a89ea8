using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LPop;

/// <remarks>The count is parsed before the key is looked up, as Redis's <c>popGenericCommand</c> does.</remarks>
internal sealed class RPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("rpop", -2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key [count]", "Remove and get the last elements in a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args) => LPopOperations.BindPop(ref args, Spec, Left: false);
}
