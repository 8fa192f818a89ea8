using Redis.Application.Commands.Scan;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.ZScan;

internal sealed class ZScanCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("zscan", -3, ["readonly"], 1, 1, 1)
    {
        Doc = new("key cursor [MATCH pattern] [COUNT count]", "Incrementally iterate sorted sets elements and associated scores", "sorted-set"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!ScanCommandBinder.TryParseCursor(args.NextSpan(), out var cursor))
        {
            return Errors.InvalidCursor;
        }

        var error = ScanOptions.Parse(ref args, allowType: false, out var options);
        return new(new ZScanCommand(args.Keyspace, key, cursor, options.Pattern, options.Count, error));
    }
}
