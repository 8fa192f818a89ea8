using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.IncrByFloat;

internal sealed class IncrByFloatCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("incrbyfloat", 3, ["write", "denyoom", "fast"], 1, 1, 1)
    {
        Doc = new("key increment", "Increment the float value of a key by the given amount", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return LongDouble.TryParse(args.NextSpan(), out var increment)
            ? new BindResult(new IncrByFloatCommand(args.Keyspace, key, increment))
            : Errors.NotAFloat;
    }
}
