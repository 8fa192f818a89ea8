using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.Bits;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.GetBit;

/// <summary>Reads one bit, as Redis's <c>getbitCommand</c>: the offset's range is checked before the key is looked up.</summary>
public sealed class GetBitCommandHandler(TimeProvider time, IServerSettings settings) : IRequestHandler<GetBitCommand, Reply>
{
    private readonly LiveSetting _maxLength = LiveSetting.ProtoMaxBulkLen(settings);

    public ValueTask<Reply> Handle(GetBitCommand request, CancellationToken cancellationToken)
    {
        if (Bitmap.IsBeyond(request.Offset, _maxLength.Value))
        {
            return new(Errors.BitOffsetOutOfRange);
        }

        var lookup = request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out var entry);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        return new(Bitmap.GetBit(entry.Value.Span, request.Offset) == 1 ? Reply.One : Reply.Zero);
    }
}
