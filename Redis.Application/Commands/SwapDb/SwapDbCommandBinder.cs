using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SwapDb;

/// <remarks>Redis's <c>swapdbCommand</c> reads each index with its own message, for not an integer and out of a C <c>int</c> alike.</remarks>
internal sealed class SwapDbCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("swapdb", 3, ["write", "fast"])
    {
        Doc = new("index1 index2", "Swap two Redis databases", "server"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.TryNextInt32(out var first, out var error, Errors.InvalidFirstDbIndex) ||
            !args.TryNextInt32(out var second, out error, Errors.InvalidSecondDbIndex))
        {
            return error;
        }

        return new BindResult(new SwapDbCommand(first, second));
    }
}
