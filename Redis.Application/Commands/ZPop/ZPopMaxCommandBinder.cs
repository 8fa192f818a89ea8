using Redis.Application.Routing;

namespace Redis.Application.Commands.ZPop;

internal sealed class ZPopMaxCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zpopmax", -2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key [count]", "Remove and return members with the highest scores in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZPopMinCommandBinder.Parse(ref args, max: true);
}
