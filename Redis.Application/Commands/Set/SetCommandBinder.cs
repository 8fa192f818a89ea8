using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.Set;

/// <remarks>
/// Mirrors Redis's <c>parseExtendedStringArgumentsOrReply</c>: options are read first (an unknown word, a conflicting
/// option such as <c>NX</c> after <c>XX</c> or <c>KEEPTTL</c> after <c>EX</c>, or a time option without its number is
/// a syntax error; a repeated option takes the last value), then the number is parsed.
/// </remarks>
internal sealed class SetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("set", -3, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new(
            "key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]",
            "Set the string value of a key, optionally only if it does (not) exist, with a time to live, or returning the old value",
            "string"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var value = args.NextMemory();
        var condition = SetCondition.None;
        var returnOldValue = false;
        var kind = ExpiryKind.None;
        var time = ReadOnlyMemory<byte>.Empty;
        while (args.HasMore)
        {
            if (ExpiryOption.TryReadTime(ref args, ref kind, ref time))
            {
                continue;
            }

            if (condition != SetCondition.Xx && args.NextIs("NX"u8))
            {
                condition = SetCondition.Nx;
            }
            else if (condition != SetCondition.Nx && args.NextIs("XX"u8))
            {
                condition = SetCondition.Xx;
            }
            else if (args.NextIs("GET"u8))
            {
                returnOldValue = true;
            }
            else if (kind is ExpiryKind.None or ExpiryKind.KeepTtl && args.NextIs("KEEPTTL"u8))
            {
                kind = ExpiryKind.KeepTtl;
            }
            else
            {
                return Errors.Syntax;
            }
        }

        var expiry = new ExpiryOption(kind, 0);
        if (expiry.HasTime)
        {
            if (!RedisInteger.TryParse(time.Span, out var number))
            {
                return Errors.NotAnInteger;
            }

            expiry = expiry with { Value = number };
        }

        return new BindResult(new SetCommand(args.Keyspace, key, value, expiry, condition, returnOldValue, CommandName: Spec.Name));
    }
}
