using Redis.Application.Routing;

namespace Redis.Application.Commands.FlushDb;

/// <summary><c>FLUSHALL [ASYNC | SYNC]</c> is <c>FLUSHDB</c>: this server has one database.</summary>
internal sealed class FlushAllCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("flushall", -1, ["write"])
    {
        Doc = new("[ASYNC|SYNC]", "Remove all keys from all databases", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => FlushDbCommandBinder.BindOptions(ref args);
}
