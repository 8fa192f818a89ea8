using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.Set;

/// <remarks>
/// Mirrors Redis's <c>parseExtendedStringArgumentsOrReply</c>: options are read first (an unknown word or an
/// <c>EX</c> without a value is a syntax error, a repeated <c>EX</c> takes the last value), then the number is parsed.
/// </remarks>
internal sealed class SetCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("set", -3, ["write", "denyoom"], 1, 1, 1);

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var value = args.NextMemory();
        ReadOnlyMemory<byte>? ex = null;
        while (args.HasMore)
        {
            if (args.NextIs("EX"u8) && args.HasMore)
            {
                ex = args.NextMemory();
            }
            else
            {
                return Errors.Syntax;
            }
        }

        if (ex is null)
        {
            return new BindResult(new SetCommand(key, value));
        }

        return RedisInteger.TryParse(ex.Value.Span, out var seconds)
            ? new BindResult(new SetCommand(key, value, seconds))
            : Errors.NotAnInteger;
    }
}
