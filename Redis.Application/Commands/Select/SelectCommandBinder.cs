using Redis.Application.Routing;

namespace Redis.Application.Commands.Select;

/// <remarks>Redis reads the index with <c>getIntFromObjectOrReply</c>: not a number and not a C <c>int</c> are two different errors.</remarks>
internal sealed class SelectCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("select", 2, ["loading", "stale", "fast"])
    {
        Doc = new("index", "Change the selected database for the current connection", "connection"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        args.TryNextInt32(out var index, out var error) ? new BindResult(new SelectCommand(args.Session, index)) : error;
}
