using Redis.Application.Routing;

namespace Redis.Application.Commands.ZMScore;

internal sealed class ZMScoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zmscore", -3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key member [member ...]", "Get the score associated with the given members in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return new(new ZMScoreCommand(args.Keyspace, key, args.RestMemory()));
    }
}
