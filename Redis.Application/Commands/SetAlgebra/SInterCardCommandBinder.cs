using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SetAlgebra;

/// <remarks>Redis's <c>sinterCardCommand</c>: numkeys (its own message for no integer as for below 1), then the keys, then the options.</remarks>
internal sealed class SInterCardCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sintercard", -3, ["readonly", "movablekeys"])
    {
        KeyCountAt = 1,
        Doc = new("numkeys key [key ...] [LIMIT limit]", "Intersect multiple sets and return the cardinality of the result", "set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!args.TryNextInt64(out var count) || count < 1)
        {
            return Errors.NumKeysNotPositive;
        }

        if (count > args.Remaining)
        {
            return Errors.NumKeysOverArgs;
        }

        var keys = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = args.NextMemory();
        }

        var limit = 0L;
        while (args.HasMore)
        {
            if (args.Remaining >= 2 && args.NextIs("LIMIT"u8))
            {
                if (!args.TryNextInt64(out limit) || limit < 0)
                {
                    return Errors.LimitNegative;
                }
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new(new SInterCardCommand(args.Keyspace, keys, limit));
    }
}
