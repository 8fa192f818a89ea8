using Redis.Application.Routing;

namespace Redis.Application.Commands.ZPop;

/// <summary><c>BZPOPMAX key [key ...] timeout</c>: <c>BZPOPMIN</c> at the high end.</summary>
internal sealed class BZPopMaxCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bzpopmax", -3, ["write", "noscript", "fast", "blocking"], 1, -2, 1)
    {
        Doc = new("key [key ...] timeout", "Remove and return the member with the highest score from one or more sorted sets, or block until one is available", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => BZPopMinCommandBinder.Parse(ref args, max: true);
}
