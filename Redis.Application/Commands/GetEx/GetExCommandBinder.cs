using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.GetEx;

/// <remarks>
/// The same option rules as <c>SET</c>'s (Redis's <c>parseExtendedStringArgumentsOrReply</c> with <c>COMMAND_GET</c>).
/// Unlike <c>SET</c>, Redis 7.0's <c>getexCommand</c> looks the key up before it reads the number, so a missing key
/// answers nil even with <c>EX ten</c> or <c>EX 0</c>: the number is left for the handler.
/// </remarks>
internal sealed class GetExCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("getex", -2, ["write", "fast"], 1, 1, 1)
    {
        Doc = new(
            "key [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|PERSIST]",
            "Get the value of a key and optionally set or remove its expiration",
            "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var kind = ExpiryKind.None;
        var time = ReadOnlyMemory<byte>.Empty;
        while (args.HasMore)
        {
            if (ExpiryOption.TryReadTime(ref args, ref kind, ref time))
            {
                continue;
            }

            if (kind is ExpiryKind.None or ExpiryKind.Persist && args.NextIs("PERSIST"u8))
            {
                kind = ExpiryKind.Persist;
            }
            else
            {
                return Errors.Syntax;
            }
        }

        return new BindResult(new GetExCommand(args.Keyspace, key, kind, time));
    }
}
