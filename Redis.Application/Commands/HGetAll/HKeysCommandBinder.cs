using Redis.Application.Routing;

namespace Redis.Application.Commands.HGetAll;

internal sealed class HKeysCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hkeys", 2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key", "Get all the fields in a hash", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => HGetAllCommandBinder.Bind(ref args, HGetAllParts.Fields);
}
