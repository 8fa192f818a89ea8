using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Eval;

/// <summary>What the four <c>EVAL</c> binders share: Redis's <c>evalGenericCommand</c> checks of numkeys, in its order.</summary>
internal static class EvalArguments
{
    public static readonly string[] Flags = ["noscript", "stale", "skip_monitor", "may_replicate", "no_mandatory_keys", "movablekeys"];

    public static readonly string[] ReadOnlyFlags = ["readonly", "noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"];

    public static BindResult Bind(ref ArgCursor args, bool bySha, bool readOnly)
    {
        // evalShaCommand: a digest that is not 40 characters long cannot be in the cache, whatever follows.
        var script = args.NextSpan();
        if (bySha && script.Length != 40)
        {
            return Errors.NoScript;
        }

        if (!args.TryNextInt64(out var keys))
        {
            return Errors.NotAnInteger;
        }

        if (keys > args.Remaining)
        {
            return Errors.NumKeysOverArgs;
        }

        if (keys < 0)
        {
            return Errors.NumKeysNegative;
        }

        return new(new EvalCommand(args.Session, args.Args, (int)keys, bySha, readOnly));
    }
}
