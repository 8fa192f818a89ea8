using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.BitPos;

/// <summary>Parses the bit first (errors at once), then the range, whose errors Redis answers after the key lookup.</summary>
internal sealed class BitPosCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bitpos", -3, ["readonly"], 1, 1, 1)
    {
        Doc = new("key bit [start [end [BYTE|BIT]]]", "Find first bit set or clear in a string", "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!args.TryNextInt64(out var bit))
        {
            return Errors.NotAnInteger;
        }

        if (bit is not (0 or 1))
        {
            return Errors.BitArgument;
        }

        var keyspace = args.Keyspace;
        var command = new BitPosCommand(keyspace, key, (int)bit);
        if (!args.HasMore)
        {
            return new BindResult(command);
        }

        if (args.Remaining > 3)
        {
            return new BindResult(command with { Early = Errors.Syntax });
        }

        var hasUnit = args.Remaining == 3;
        if (!args.TryNextInt64(out var start))
        {
            return new BindResult(command with { Early = Errors.NotAnInteger });
        }

        command = command with { Start = start, HasRange = true };
        if (!args.HasMore)
        {
            return new BindResult(command);
        }

        var endArgument = args.NextSpan();
        if (hasUnit)
        {
            if (args.NextIs("BIT"u8))
            {
                command = command with { IsBit = true };
            }
            else if (!args.NextIs("BYTE"u8))
            {
                return new BindResult(command with { Early = Errors.Syntax });
            }
        }

        return Protocol.RedisInteger.TryParse(endArgument, out var end)
            ? new BindResult(command with { End = end })
            : new BindResult(command with { Early = Errors.NotAnInteger });
    }
}
