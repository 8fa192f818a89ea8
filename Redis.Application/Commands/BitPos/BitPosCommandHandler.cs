using Mediator;
using Redis.Application.Commands.Bits;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitPos;

/// <summary>Finds the first bit as Redis's <c>bitposCommand</c>, skipping whole 64-bit words of the other value.</summary>
/// <remarks>
/// A missing key is an endless run of zeros: 0 for the first clear bit, -1 for the first set bit. Without an explicit
/// end, the string counts as zero-padded on the right, so a search for 0 in all ones answers the bit after the range;
/// with one, -1.
/// </remarks>
public sealed class BitPosCommandHandler(TimeProvider time) : IRequestHandler<BitPosCommand, Reply>
{
    public ValueTask<Reply> Handle(BitPosCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out var entry);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Integer(request.Bit == 1 ? -1 : 0));
        }

        if (request.Early is { } early)
        {
            return new(early);
        }

        var bytes = entry.Value.Span;
        long start = 0, end = bytes.Length - 1;
        byte firstMask = 0, lastMask = 0;
        if (request.HasRange)
        {
            start = request.Start;
            end = request.End ?? bytes.Length - 1;
            if (!Bitmap.ToByteRange(bytes.Length, request.IsBit, ref start, ref end, out firstMask, out lastMask))
            {
                return new(Reply.Integer(-1));
            }
        }
        else if (bytes.IsEmpty)
        {
            return new(Reply.Integer(-1));
        }

        return new(Reply.Integer(Find(bytes, (int)start, (int)end, request.Bit, firstMask, lastMask, request.End is not null)));
    }

    // Redis's search, step for step: a BIT range's first and last bytes with their outside bits masked to the value
    // not sought, the whole bytes between them in one pass.
    private static long Find(ReadOnlySpan<byte> bytes, int start, int end, int bit, byte firstMask, byte lastMask, bool endGiven)
    {
        var count = end - start + 1;
        long position;
        Span<byte> edge = stackalloc byte[1];
        if (firstMask != 0)
        {
            edge[0] = Mask(bytes[start], firstMask, bit);
            if (lastMask != 0 && count == 1)
            {
                edge[0] = Mask(edge[0], lastMask, bit);
            }

            position = Bitmap.FirstBit(edge, bit);
            if (count == 1 || (position != -1 && position != 8))
            {
                return Result(position, start, count, bit, endGiven);
            }

            start++;
            count--;
        }

        var whole = count - (lastMask != 0 ? 1 : 0);
        if (whole > 0)
        {
            position = Bitmap.FirstBit(bytes.Slice(start, whole), bit);
            if (count == whole || (position != -1 && position != (long)whole << 3))
            {
                return Result(position, start, count, bit, endGiven);
            }

            start += whole;
            count -= whole;
        }

        edge[0] = Mask(bytes[end], lastMask, bit);
        position = Bitmap.FirstBit(edge, bit);
        return Result(position, start, count, bit, endGiven);
    }

    // With an explicit end the right of the range is not zero padding: a clear bit found just past it is no answer.
    private static long Result(long position, int start, int count, int bit, bool endGiven)
    {
        if (endGiven && bit == 0 && position == (long)count << 3)
        {
            return -1;
        }

        return position == -1 ? -1 : position + ((long)start << 3);
    }

    private static byte Mask(byte value, byte mask, int bit) => (byte)(bit == 1 ? value & ~mask : value | mask);
}
