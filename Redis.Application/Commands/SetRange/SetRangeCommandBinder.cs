using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SetRange;

internal sealed class SetRangeCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("setrange", 4, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key offset value", "Overwrite part of a string at key starting at the specified offset", "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt64(out var offset)
            ? new BindResult(new SetRangeCommand(args.Keyspace, key, offset, args.NextMemory()))
            : Errors.NotAnInteger;
    }
}
