using Redis.Application.Commands.Bits;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.SetBit;

internal sealed class SetBitCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("setbit", 4, ["write", "denyoom"], 1, 1, 1)
    {
        Doc = new("key offset value", "Sets or clears the bit at offset in the string value stored at key", "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        if (!Bitmap.TryParseOffset(args.NextSpan(), 0, out var offset))
        {
            return Errors.BitOffsetOutOfRange;
        }

        var valid = args.TryNextInt64(out var bit) && (bit & ~1L) == 0;
        return new BindResult(new SetBitCommand(args.Keyspace, key, offset, (int)bit, valid ? null : Errors.BitValueOutOfRange));
    }
}
