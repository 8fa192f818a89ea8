using Redis.Application.Routing;

namespace Redis.Application.Commands.LMPop;

/// <summary><c>BRPOP key [key ...] timeout</c>: <c>BLPOP</c> at the tail.</summary>
internal sealed class BRPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("brpop", -3, ["write", "noscript", "blocking"], 1, -2, 1)
    {
        Doc = new("key [key ...] timeout", "Remove and get the last element in a list, or block until one is available", "list"),
    };

    public BindResult Bind(ref ArgCursor args) => BLPopCommandBinder.Parse(ref args, left: false);
}
