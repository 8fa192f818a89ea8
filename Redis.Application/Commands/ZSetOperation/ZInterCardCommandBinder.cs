using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZInterCardCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zintercard", -3, ["readonly", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] [LIMIT limit]", "Intersect multiple sorted sets and return the cardinality of the result", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zintercard", store: false, ZSetOperationKind.Inter, cardinalityOnly: true);
}
