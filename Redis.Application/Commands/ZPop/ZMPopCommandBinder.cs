using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.ZPop;

/// <remarks>Redis's <c>zmpopGenericCommand</c>: numkeys, the keys, <c>MIN</c>/<c>MAX</c>, then one <c>COUNT</c>.</remarks>
internal sealed class ZMPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zmpop", -4, ["write", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] MIN|MAX [COUNT count]", "Remove and return members with scores in a sorted set", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args);

    /// <summary>From numkeys on: <c>ZMPOP</c>'s arguments, which <c>BZMPOP</c> has after its timeout.</summary>
    internal static BindResult Parse(ref ArgCursor args) =>
        MultiPopArguments.Parse(ref args, "MAX"u8, "MIN"u8, out var error) is { } parsed
            ? new BindResult(new ZPopCommand(args.Keyspace, parsed.Keys, parsed.IsFirstWord, parsed.Count, Multi: true, args.Session.Protocol == RespVersion.Resp3))
            : error;
}
