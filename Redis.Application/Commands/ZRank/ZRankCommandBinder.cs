using Redis.Application.Routing;

namespace Redis.Application.Commands.ZRank;

internal sealed class ZRankCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zrank", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key member", "Determine the index of a member in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args, reverse: false);

    internal static BindResult Parse(ref ArgCursor args, bool reverse)
    {
        var key = args.NextMemory();
        return new(new ZRankCommand(args.Keyspace, key, args.NextMemory(), reverse));
    }
}
