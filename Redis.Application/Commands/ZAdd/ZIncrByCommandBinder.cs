using Redis.Application.Routing;
using Redis.Domain.SortedSets;

namespace Redis.Application.Commands.ZAdd;

/// <remarks><c>ZINCRBY</c> is <c>ZADD</c> with <c>INCR</c> set (Redis's <c>zincrbyCommand</c>).</remarks>
internal sealed class ZIncrByCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zincrby", 4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key increment member", "Increment the score of a member in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZAddCommandBinder.Parse(ref args, ZAddOptions.Incr);
}
