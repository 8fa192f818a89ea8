using Redis.Application.Commands.Bits;
using Redis.Application.Replies;
using Redis.Application.Routing;

namespace Redis.Application.Commands.GetBit;

internal sealed class GetBitCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("getbit", 3, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new("key offset", "Returns the bit value at offset in the string value stored at key", "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args)
    {
        var key = args.NextMemory();
        return Bitmap.TryParseOffset(args.NextSpan(), 0, out var offset)
            ? new BindResult(new GetBitCommand(args.Keyspace, key, offset))
            : Errors.BitOffsetOutOfRange;
    }
}
