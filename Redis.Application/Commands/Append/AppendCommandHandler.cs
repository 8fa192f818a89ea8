using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Append;

/// <summary>Appends to the value (creating the key when missing), keeps its TTL, and answers the new length.</summary>
/// <remarks>
/// The result may not outgrow <c>proto-max-bulk-len</c>, as Redis's <c>checkStringLength</c> rules. A small value is
/// copied into a new record on every append, O(length); a large one (over 8 KiB) grows in place within its size class
/// and is copied once per class, as Redis's spare capacity makes repeated appends amortised O(1) (ADR 0015).
/// </remarks>
public sealed class AppendCommandHandler(TimeProvider time, IServerSettings settings, KeyspaceEvents events)
    : IRequestHandler<AppendCommand, Reply>
{
    private readonly LiveSetting _maxLength = LiveSetting.ProtoMaxBulkLen(settings);

    public ValueTask<Reply> Handle(AppendCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var key = request.Key.Span;
        var lookup = request.Keyspace.Peek(key, now, out _, out var currentLength);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (lookup == KeyLookup.Missing)
        {
            request.Keyspace.Set(key, request.Value.Span);
            events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Append, key, request.Keyspace.Index);
            return new(Reply.Integer(request.Value.Length));
        }

        var length = (long)currentLength + request.Value.Length;
        if (length > _maxLength.Value)
        {
            return new(Errors.StringTooLong);
        }

        request.Keyspace.Append(key, request.Value.Span, now);
        events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Append, key, request.Keyspace.Index);
        return new(Reply.Integer(length));
    }
}
