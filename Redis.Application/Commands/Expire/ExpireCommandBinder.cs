using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Expire;

/// <remarks>Mirrors Redis's <c>parseExtendedExpireArgumentsOrReply</c>: options are checked before the number is parsed.</remarks>
internal sealed class ExpireCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("expire", -3, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key seconds [NX|XX|GT|LT]", "Set a key's time to live in seconds", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) => Bind(ref args, Spec.Name, inMilliseconds: false, absolute: false);

    /// <summary>Binds any of the four forms; their binders differ only in unit, base time and name.</summary>
    internal static BindResult Bind(ref ArgCursor args, string name, bool inMilliseconds, bool absolute)
    {
        var key = args.NextMemory();
        var time = args.NextMemory();
        var condition = ExpireCondition.None;
        while (args.HasMore)
        {
            var option = args.NextIs("NX"u8) ? ExpireCondition.Nx
                : args.NextIs("XX"u8) ? ExpireCondition.Xx
                : args.NextIs("GT"u8) ? ExpireCondition.Gt
                : args.NextIs("LT"u8) ? ExpireCondition.Lt
                : ExpireCondition.None;
            if (option == ExpireCondition.None)
            {
                return Errors.UnsupportedOption(args.NextSpan());
            }

            condition |= option;
        }

        if (condition.HasFlag(ExpireCondition.Nx) && condition != ExpireCondition.Nx)
        {
            return Errors.ExpireNxConflict;
        }

        if (condition.HasFlag(ExpireCondition.Gt | ExpireCondition.Lt))
        {
            return Errors.ExpireGtLtConflict;
        }

        return RedisInteger.TryParse(time.Span, out var value)
            ? new BindResult(new ExpireCommand(args.Keyspace, key, value, condition, inMilliseconds, absolute, name))
            : Errors.NotAnInteger;
    }
}
