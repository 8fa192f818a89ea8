using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRank;

internal sealed class ZRevRankCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrevrank", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key member", "Determine the index of a member in a sorted set, with scores ordered from high to low", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZRankCommandBinder.Parse(ref args, reverse: true);
}
