using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.FlushDb;

/// <summary><c>FLUSHALL [ASYNC | SYNC]</c> takes <c>FLUSHDB</c>'s options.</summary>
internal sealed class FlushAllCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("flushall", -1, ["write"])
    {
        Doc = new("[ASYNC|SYNC]", "Remove all keys from all databases", "server"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        FlushDbCommandBinder.HasValidOptions(ref args) ? new BindResult(FlushAllCommand.Instance) : Errors.Syntax;
}
