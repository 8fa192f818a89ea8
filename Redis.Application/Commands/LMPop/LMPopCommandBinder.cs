using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LMPop;

/// <remarks>
/// Redis's <c>lmpopGenericCommand</c>: numkeys (1 or more), then the side after the keys (a syntax error when the
/// arguments end first), then at most one <c>COUNT</c> of 1 or more. The keys are not at fixed positions, so
/// <c>COMMAND INFO</c> reports 0 0 0 and <c>movablekeys</c>, as Redis does.
/// </remarks>
internal sealed class LMPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("lmpop", -4, ["write", "movablekeys"], 0, 0, 0)
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] LEFT|RIGHT [COUNT count]", "Pop elements from a list", "list"),
    };

    public BindResult Bind(ref ArgCursor args) => Parse(ref args);

    /// <summary>From numkeys on: <c>LMPOP</c>'s arguments, which <c>BLMPOP</c> has after its timeout.</summary>
    internal static BindResult Parse(ref ArgCursor args) =>
        MultiPopArguments.Parse(ref args, "LEFT"u8, "RIGHT"u8, out var error) is { } parsed
            ? new BindResult(new LMPopCommand(args.Keyspace, parsed.Keys, parsed.IsFirstWord, parsed.Count))
            : error;
}
