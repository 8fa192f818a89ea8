using Redis.Application.Commands.Scan;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SScan;

/// <remarks>Redis's <c>sscanCommand</c>: the cursor is parsed first; the options' error waits for the lookup.</remarks>
internal sealed class SScanCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("sscan", -3, ["readonly"], 1, 1, 1)
    {
        Doc = new("key cursor [MATCH pattern] [COUNT count]", "Incrementally iterate Set elements", "set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!ScanCommandBinder.TryParseCursor(args.NextSpan(), out var cursor))
        {
            return Errors.InvalidCursor;
        }

        var error = ScanOptions.Parse(ref args, allowType: false, out var options);
        return new(new SScanCommand(args.Keyspace, key, cursor, options, error));
    }
}
