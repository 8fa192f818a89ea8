using Redis.Application.Routing;

namespace Redis.Application.Commands.HSet;

/// <summary><c>HMSET</c>: <c>HSET</c> answering <c>+OK</c> (deprecated in Redis, still served).</summary>
internal sealed class HMSetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hmset", -4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key field value [field value ...]", "Set multiple hash fields to multiple values", "hash"),
    };

    public BindResult Bind(ref ArgCursor args) => HSetCommandBinder.Bind(ref args, Spec.Name, answerOk: true);
}
