using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.HRandField;

/// <remarks>Mirrors Redis's <c>hrandfieldCommand</c>: the count and its ranges are checked before the key is looked up.</remarks>
internal sealed class HRandFieldCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hrandfield", -2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key [count [WITHVALUES]]", "Get one or multiple random fields from a hash", "hash"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.HasMore)
        {
            return new(new HRandFieldCommand(args.Keyspace, key, null, false, false));
        }

        if (!args.TryNextInt64(out var count))
        {
            return Errors.NotAnInteger;
        }

        if (count == long.MinValue)
        {
            return Errors.CountOutOfLongRange;
        }

        var withValues = args.HasMore;
        if (args.Remaining > 1 || (withValues && !args.NextIs("WITHVALUES"u8)))
        {
            return Errors.Syntax;
        }

        if (withValues && (count < -(long.MaxValue / 2) || count > long.MaxValue / 2))
        {
            return Errors.ValueOutOfRange;
        }

        return new(new HRandFieldCommand(args.Keyspace, key, count, withValues, args.Session.Protocol == RespVersion.Resp3));
    }
}
