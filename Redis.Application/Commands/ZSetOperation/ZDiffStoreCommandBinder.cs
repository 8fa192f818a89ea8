using Redis.Application.Routing;

namespace Redis.Application.Commands.ZSetOperation;

internal sealed class ZDiffStoreCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zdiffstore", -4, ["write", "denyoom", "movablekeys"], 1, 1, 1)
    {
        KeyCountAt = 2,
        Doc = new("destination numkeys key [key ...]", "Subtract multiple sorted sets and store the resulting sorted set in a new key", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => ZSetOperationParser.Parse(ref args, "zdiffstore", store: true, ZSetOperationKind.Diff);
}
