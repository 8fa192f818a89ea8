using Redis.Application.Routing;

namespace Redis.Application.Commands.HGet;

internal sealed class HExistsCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hexists", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key field", "Determine if a hash field exists", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => HGetCommandBinder.Bind(ref args, HGetQuestion.Exists);
}
