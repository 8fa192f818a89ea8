using Redis.Application.Routing;

namespace Redis.Application.Commands.HGet;

internal sealed class HStrlenCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hstrlen", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key field", "Get the length of the value of a hash field", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => HGetCommandBinder.Bind(ref args, HGetQuestion.Length);
}
