using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.FlushDb;

internal sealed class FlushDbCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("flushdb", -1, ["write"])
    {
        Doc = new("[ASYNC|SYNC]", "Remove all keys from the selected database", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => HasValidOptions(ref args) ? new BindResult(new FlushDbCommand(args.Keyspace)) : Errors.Syntax;

    /// <summary>Redis's <c>getFlushCommandFlags</c>: at most one option, <c>ASYNC</c> or <c>SYNC</c>.</summary>
    /// <remarks>Both flush at once here: there is no background thread to hand the memory to.</remarks>
    internal static bool HasValidOptions(ref ArgCursor args) =>
        args.Remaining == 0 || (args.Remaining == 1 && (args.NextIs("ASYNC"u8) || args.NextIs("SYNC"u8)));
}
