using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SPop;

/// <remarks>Redis's <c>spopCommand</c>: more than one count is a syntax error; the count is parsed before the key is looked up.</remarks>
internal sealed class SPopCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("spop", -2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new("key [count]", "Remove and return one or multiple random members from a set", "set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.HasMore)
        {
            return new(new SPopCommand(args.Keyspace, key, null));
        }

        if (args.Remaining > 1)
        {
            return Errors.Syntax;
        }

        if (!args.TryNextInt64(out var count) || count < 0)
        {
            return Errors.MustBePositive;
        }

        return new(new SPopCommand(args.Keyspace, key, count));
    }
}
