using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.HIncrBy;

internal sealed class HIncrByCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("hincrby", 4, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key field increment", "Increment the integer value of a hash field by the given number", "hash"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var name = args.NextMemory();
        return args.TryNextInt64(out var increment)
            ? new BindResult(new HIncrByCommand(args.Keyspace, key, name, increment))
            : Errors.NotAnInteger;
    }
}
