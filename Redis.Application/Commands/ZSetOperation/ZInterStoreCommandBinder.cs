using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZInterStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zinterstore", -4, ["write", "denyoom", "movablekeys"], 1, 1, 1)
    {
        KeyCountAt = 2,
        Doc = new("destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]", "Intersect multiple sorted sets and store the resulting sorted set in a new key", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zinterstore", store: true, ZSetOperationKind.Inter);
}
