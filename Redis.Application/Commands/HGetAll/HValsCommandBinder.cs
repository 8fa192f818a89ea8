using Redis.Application.Routing;

namespace Redis.Application.Commands.HGetAll;

internal sealed class HValsCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hvals", 2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key", "Get all the values in a hash", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => HGetAllCommandBinder.Bind(ref args, HGetAllParts.Values);
}
