using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SRandMember;

/// <remarks>Redis's <c>srandmemberCommand</c>: more than one count is a syntax error; the count (-LONG_MAX..LONG_MAX) is parsed before the lookup.</remarks>
internal sealed class SRandMemberCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("srandmember", -2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key [count]", "Get one or multiple random members from a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.HasMore)
        {
            return new(new SRandMemberCommand(args.Keyspace, key, null));
        }

        if (args.Remaining > 1)
        {
            return Errors.Syntax;
        }

        if (!args.TryNextInt64(out var count))
        {
            return Errors.NotAnInteger;
        }

        if (count == long.MinValue)
        {
            return Errors.SRandMemberCountOutOfRange;
        }

        return new(new SRandMemberCommand(args.Keyspace, key, count));
    }
}
