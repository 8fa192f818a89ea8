using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.BitOp;

internal sealed class BitOpCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bitop", -4, ["write", "denyoom"], 2, -1, 1)
    {
        Doc = new("AND|OR|XOR|NOT destkey key [key ...]", "Perform bitwise operations between strings", "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        BitOperation operation;
        if (args.NextIs("AND"u8))
        {
            operation = BitOperation.And;
        }
        else if (args.NextIs("OR"u8))
        {
            operation = BitOperation.Or;
        }
        else if (args.NextIs("XOR"u8))
        {
            operation = BitOperation.Xor;
        }
        else if (args.NextIs("NOT"u8))
        {
            operation = BitOperation.Not;
        }
        else
        {
            return Errors.Syntax;
        }

        var destination = args.NextMemory();
        if (operation == BitOperation.Not && args.Remaining != 1)
        {
            return Errors.BitOpNotSingleSource;
        }

        return new BindResult(new BitOpCommand(args.Keyspace, operation, destination, args.RestMemory()));
    }
}
