using Redis.Application.Common;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Application.Commands.ZPop;

/// <summary><c>BZPOPMIN key [key ...] timeout</c>: the lowest member of the first non-empty sorted set, or a wait for one.</summary>
internal sealed class BZPopMinCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bzpopmin", -3, ["write", "noscript", "fast", "blocking"], 1, -2, 1)
    {
        Doc = new("key [key ...] timeout", "Remove and return the member with the lowest score from one or more sorted sets, or block until one is available", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args, max: false);

    /// <summary>Redis's <c>blockingGenericZpopCommand</c>: the timeout, the last argument, is read before anything else.</summary>
    internal static BindResult Parse(ref ArgCursor args, bool max)
    {
        var keys = new ReadOnlyMemory<byte>[args.Remaining - 1];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = args.NextMemory();
        }

        return BlockingTimeout.TryParse(args.NextSpan(), out var milliseconds, out var error)
            ? new BindResult(new ZPopCommand(args.Keyspace, keys, max, 1, Multi: false, args.Session.Protocol == RespVersion.Resp3)
            {
                Wait = new BlockingWait(args.Session, milliseconds),
                KeyAndMember = true,
            })
            : error;
    }
}
