using Mediator;
using Redis.Application.Commands.Bits;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.BitCount;

/// <summary>Counts set bits with hardware population count, as Redis's <c>bitcountCommand</c>; a missing key answers 0.</summary>
/// <remarks>A <c>BIT</c> range counts whole bytes and subtracts the bits of its first and last bytes that lie outside it.</remarks>
public sealed class BitCountCommandHandler(TimeProvider time) : IRequestHandler<BitCountCommand, Reply>
{
    public ValueTask<Reply> Handle(BitCountCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out var entry);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Zero);
        }

        if (request.Early is { } early)
        {
            return new(early);
        }

        var bytes = entry.Value.Span;
        if (!request.HasRange)
        {
            return new(Reply.Integer(Bitmap.PopCount(bytes)));
        }

        long start = request.Start, end = request.End;
        if (!Bitmap.ToByteRange(bytes.Length, request.IsBit, ref start, ref end, out var firstMask, out var lastMask))
        {
            return new(Reply.Zero);
        }

        var count = Bitmap.PopCount(bytes[(int)start..((int)end + 1)]);
        count -= System.Numerics.BitOperations.PopCount((uint)(bytes[(int)start] & firstMask));
        count -= System.Numerics.BitOperations.PopCount((uint)(bytes[(int)end] & lastMask));
        return new(Reply.Integer(count));
    }
}
