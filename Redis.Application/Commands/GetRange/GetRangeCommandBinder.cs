using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.GetRange;

internal sealed class GetRangeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("getrange", 4, ["readonly"], 1, 1, 1)
    {
        Doc = new("key start end", "Get a substring of the string stored at a key", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt64(out var start) && args.TryNextInt64(out var end)
            ? new BindResult(new GetRangeCommand(args.Keyspace, key, start, end))
            : Errors.NotAnInteger;
    }
}
