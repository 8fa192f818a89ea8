using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Set;

/// <summary><c>SETEX key seconds value</c> is <c>SET key value EX seconds</c>, with its own name in errors (Redis's <c>setexCommand</c>).</summary>
internal sealed class SetExCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("setex", 4, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key seconds value", "Set the value and expiration of a key", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.TryNextInt64(out var seconds))
        {
            return Errors.NotAnInteger;
        }

        return new BindResult(new SetCommand(args.Keyspace, 
            key, args.NextMemory(), new ExpiryOption(ExpiryKind.Seconds, seconds), CommandName: Spec.Name));
    }
}
