using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;

namespace Redis.Application.Commands.LMPop;

/// <summary><c>BLPOP key [key ...] timeout</c>: the first element of the first non-empty list, or a wait for one.</summary>
internal sealed class BLPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("blpop", -3, ["write", "noscript", "blocking"], 1, -2, 1)
    {
        Doc = new("key [key ...] timeout", "Remove and get the first element in a list, or block until one is available", "list"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args, left: true);

    /// <summary>Redis's <c>blockingPopGenericCommand</c>: the timeout, the last argument, is read before anything else.</summary>
    internal static BindResult Parse(ref ArgCursor args, bool left)
    {
        var keys = new ReadOnlyMemory<byte>[args.Remaining - 1];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = args.NextMemory();
        }

        return BlockingTimeout.TryParse(args.NextSpan(), out var milliseconds, out var error)
            ? new BindResult(new LMPopCommand(args.Keyspace, keys, left, 1) { Wait = new BlockingWait(args.Session, milliseconds), KeyAndElement = true })
            : error;
    }
}
