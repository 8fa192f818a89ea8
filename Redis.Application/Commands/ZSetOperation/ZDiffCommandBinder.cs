using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZDiffCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zdiff", -3, ["readonly", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] [WITHSCORES]", "Subtract multiple sorted sets", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zdiff", store: false, ZSetOperationKind.Diff);
}
