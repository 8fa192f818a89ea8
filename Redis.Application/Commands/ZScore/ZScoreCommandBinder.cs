using Redis.Application.Routing;

namespace Redis.Application.Commands.ZScore;

internal sealed class ZScoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zscore", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key member", "Get the score associated with the given member in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new ZScoreCommand(args.Keyspace, key, args.NextMemory()));
    }
}
