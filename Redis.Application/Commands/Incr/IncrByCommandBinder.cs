using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Incr;

internal sealed class IncrByCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("incrby", 3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key increment", "Increment the integer value of a key by the given amount", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt64(out var increment) ? new BindResult(new IncrCommand(args.Keyspace, key, increment)) : Errors.NotAnInteger;
    }
}
