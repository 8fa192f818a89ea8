using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZInterCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zinter", -3, ["readonly", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] [WEIGHTS weight [weight ...]] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]", "Intersect multiple sorted sets", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zinter", store: false, ZSetOperationKind.Inter);
}
