using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Select;

/// <remarks>Redis reads the index with <c>getIntFromObjectOrReply</c>: not a number and not a C <c>int</c> are two different errors.</remarks>
internal sealed class SelectCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("select", 2, ["loading", "stale", "fast"])
    {
        Doc = new("index", "Change the selected database (only 0 exists here)", "connection"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.TryNextInt64(out var index))
        {
            return Errors.NotAnInteger;
        }

        return index is < int.MinValue or > int.MaxValue ? Errors.NotAnInt32 : new BindResult(new SelectCommand((int)index));
    }
}
