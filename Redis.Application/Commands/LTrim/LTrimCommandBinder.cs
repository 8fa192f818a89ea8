using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.LTrim;

/// <remarks>The indexes are parsed before the key is looked up, as Redis's <c>ltrimCommand</c> does.</remarks>
internal sealed class LTrimCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("ltrim", 4, ["write"], 1, 1, 1)
    {
        Doc = new("key start stop", "Trim a list to the specified range", "list"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return args.TryNextInt64(out var start) && args.TryNextInt64(out var stop)
            ? new BindResult(new LTrimCommand(args.Keyspace, key, start, stop))
            : Errors.NotAnInteger;
    }
}
