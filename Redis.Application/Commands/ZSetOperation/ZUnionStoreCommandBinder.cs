using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZUnionStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zunionstore", -4, ["write", "denyoom", "movablekeys"], 1, 1, 1)
    {
        KeyCountAt = 2,
        Doc = new("destination numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX]", "Add multiple sorted sets and store the resulting sorted set in a new key", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zunionstore", store: true, ZSetOperationKind.Union);
}
