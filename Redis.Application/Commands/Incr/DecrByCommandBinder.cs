using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Incr;

/// <remarks>The one decrement that cannot be negated, -9223372036854775808, has its own error in Redis (<c>decrbyCommand</c>).</remarks>
internal sealed class DecrByCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("decrby", 3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key decrement", "Decrement the integer value of a key by the given number", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.TryNextInt64(out var decrement))
        {
            return Errors.NotAnInteger;
        }

        return decrement == long.MinValue ? Errors.DecrementOverflow : new BindResult(new IncrCommand(args.Keyspace, key, -decrement));
    }
}
