using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.SetRange;

/// <summary>Writes the value at the offset, growing the string with zero bytes, keeping the TTL; answers the new length.</summary>
/// <remarks>
/// As in Redis's <c>setrangeCommand</c>, an empty value changes nothing (and creates no key), and a result longer than
/// <c>proto-max-bulk-len</c> is refused before any memory is taken. <see cref="SetRangeCommandValidator"/> has already
/// refused a negative offset.
/// </remarks>
public sealed class SetRangeCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events)
    : IRequestHandler<SetRangeCommand, Reply>
{
    private readonly LiveSetting _maxLength = LiveSetting.ProtoMaxBulkLen(settings);

    public ValueTask<Reply> Handle(SetRangeCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get(key, now, out var entry);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var current = entry.Value.Span;
        if (request.Value.IsEmpty)
        {
            return new(Reply.Integer(current.Length));
        }

        // Compared without adding, so an offset near long.MaxValue cannot overflow past the check.
        if (request.Offset > _maxLength.Value - request.Value.Length)
        {
            return new(Errors.StringTooLong);
        }

        var offset = (int)request.Offset;
        var length = Math.Max(current.Length, offset + request.Value.Length);
        var value = new byte[length];
        current.CopyTo(value);

        request.Value.Span.CopyTo(value.AsSpan(offset));
        request.Keyspace.SetKeepTtl(key, value, now);
        events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.SetRange, key, request.Keyspace.Index);

        return new(Reply.Integer(length));
    }
}
