using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZUnionCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zunion", -3, ["readonly", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]", "Add multiple sorted sets", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zunion", store: false, ZSetOperationKind.Union);
}
