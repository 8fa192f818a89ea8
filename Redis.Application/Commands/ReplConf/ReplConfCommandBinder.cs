using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ReplConf;

/// <summary>Redis's <c>replconfCommand</c> wants options in pairs: an odd count of words after the name is a syntax error.</summary>
internal sealed class ReplConfCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("replconf", -1, ["admin", "noscript", "loading", "stale", "allow_busy"])
    {
        Doc = new(string.Empty, "An internal command for configuring the replication stream", "server"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        args.Remaining % 2 != 0 ? Errors.Syntax : new BindResult(new ReplConfCommand(args.Session, args.RestBytes()));
}
