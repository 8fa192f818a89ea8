using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Scan;

/// <remarks>Mirrors Redis's <c>scanGenericCommand</c>: the cursor is parsed first, then the options (<see cref="ScanOptions"/>).</remarks>
internal sealed class ScanCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("scan", -2, ["readonly", "touches_arbitrary_keys"])
    {
        Doc = new("cursor [MATCH pattern] [COUNT count] [TYPE type]", "Incrementally iterate the keys", "generic"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        if (!TryParseCursor(args.NextSpan(), out var cursor))
        {
            return Errors.InvalidCursor;
        }

        if (ScanOptions.Parse(ref args, allowType: true, out var options) is { } error)
        {
            return error;
        }

        return new BindResult(new ScanCommand(args.Keyspace, cursor, options.Pattern, options.Count, options.Type));
    }

    /// <summary>Redis's <c>parseScanCursorOrReply</c>: C's <c>strtoul</c>, refusing a leading space, trailing text and overflow.</summary>
    /// <remarks>
    /// So "+5" is 5, "-1" wraps to 2^64-1, and an empty cursor is 0, exactly as redis-server reads them; none of
    /// those is a cursor the server handed out, and each starts a fresh iteration.
    /// </remarks>
    internal static bool TryParseCursor(ReadOnlySpan<byte> text, out ulong cursor)
    {
        cursor = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        var negative = text[0] == (byte)'-';
        var digits = text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var digit = (uint)(c - '0');
            if (digit > 9 || cursor > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            cursor = (cursor * 10) + digit;
        }

        cursor = negative ? unchecked(0 - cursor) : cursor;
        return true;
    }
}
