using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Protocol;

namespace Redis.Application.Commands.BitCount;

/// <summary>Parses the range; Redis looks the key up first, so an error is carried to the handler (<see cref="BitCountCommand.Early"/>).</summary>
internal sealed class BitCountCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bitcount", -2, ["readonly"], 1, 1, 1)
    {
        Doc = new("key [start end [BYTE|BIT]]", "Count set bits in a string", "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        var keyspace = args.Keyspace;
        if (!args.HasMore)
        {
            return new BindResult(new BitCountCommand(keyspace, key));
        }

        if (args.Remaining is not (2 or 3))
        {
            return new BindResult(new BitCountCommand(keyspace, key, Early: Errors.Syntax));
        }

        if (!args.TryNextInt64(out var start) || !args.TryNextInt64(out var end))
        {
            return new BindResult(new BitCountCommand(keyspace, key, Early: Errors.NotAnInteger));
        }

        if (start < 0 && end < 0 && start > end)
        {
            return new BindResult(new BitCountCommand(keyspace, key, Early: Reply.Zero));
        }

        var isBit = false;
        if (args.HasMore)
        {
            if (args.NextIs("BIT"u8))
            {
                isBit = true;
            }
            else if (!args.NextIs("BYTE"u8))
            {
                return new BindResult(new BitCountCommand(keyspace, key, Early: Errors.Syntax));
            }
        }

        return new BindResult(new BitCountCommand(keyspace, key, start, end, HasRange: true, isBit));
    }
}
