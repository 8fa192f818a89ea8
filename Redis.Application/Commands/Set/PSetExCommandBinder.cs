using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Set;

/// <summary><c>PSETEX key milliseconds value</c> is <c>SET key value PX milliseconds</c> (Redis's <c>psetexCommand</c>).</summary>
internal sealed class PSetExCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("psetex", 4, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key milliseconds value", "Set the value and expiration in milliseconds of a key", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.TryNextInt64(out var milliseconds))
        {
            return Errors.NotAnInteger;
        }

        return new BindResult(new SetCommand(args.Keyspace, 
            key, args.NextMemory(), new ExpiryOption(ExpiryKind.Milliseconds, milliseconds), CommandName: Spec.Name));
    }
}
