using Redis.Application.Routing;

namespace Redis.Application.Commands.BgRewriteAof;

internal sealed class BgRewriteAofCommandBinder : ICommandBinder
{
    private static readonly BgRewriteAofCommand Command = new();

    public CommandSpec Spec { get; } = new("bgrewriteaof", 1, ["admin", "noscript", "no_async_loading"])
    {
        Doc = new(string.Empty, "Asynchronously rewrite the append-only file", "server"),
    };

    public BindResult Bind(ref ArgCursor args) => new(Command);
}
