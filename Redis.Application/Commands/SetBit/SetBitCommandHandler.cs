using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Bits;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.SetBit;

/// <summary>Writes the bit in place and answers its old value, as Redis's <c>setbitCommand</c>; the TTL stays.</summary>
/// <remarks>
/// The key is notified (<c>setbit</c>) and its watches marked only when it was created, grew, or the bit changed.
/// O(1), plus one copy of the value when it grows (or when a reply of this command still holds it).
/// </remarks>
public sealed class SetBitCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events)
    : IRequestHandler<SetBitCommand, Reply>
{
    private readonly LiveSetting _maxLength = LiveSetting.ProtoMaxBulkLen(settings);

    public ValueTask<Reply> Handle(SetBitCommand request, CancellationToken cancellationToken)
    {
        if (Bitmap.IsBeyond(request.Offset, _maxLength.Value))
        {
            return new(Errors.BitOffsetOutOfRange);
        }

        if (request.ValueError is { } error)
        {
            return new(error);
        }

        var key = request.Key.Span;
        var index = (int)(request.Offset >> 3);
        var lookup = request.Keyspace.OpenForWrite(key, time.GetUnixMilliseconds(), index + 1, out var value, out var grown);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var shift = 7 - (int)(request.Offset & 7);
        var old = (value[index] >> shift) & 1;
        if (grown || old != request.Bit)
        {
            value[index] = (byte)((value[index] & ~(1 << shift)) | (request.Bit << shift));
            if (!grown)
            {
                request.Keyspace.Modified(key);
            }

            events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.SetBit, key, request.Keyspace.Index);
        }

        return new(old == 1 ? Reply.One : Reply.Zero);
    }
}
