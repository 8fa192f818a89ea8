using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Ttl;

/// <summary>
/// -2 for a missing key, -1 for a key without expiry, else the time left (or the expiry instant): milliseconds, or
/// seconds rounded half up as Redis's <c>ttlGenericCommand</c> rounds.
/// </summary>
public sealed class TtlCommandHandler(TimeProvider time) : IRequestHandler<TtlCommand, Reply>
{
    private static readonly Reply Missing = Reply.Integer(-2);
    private static readonly Reply Persistent = Reply.Integer(-1);

    public ValueTask<Reply> Handle(TtlCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        if (!request.Keyspace.TryGetExpiry(request.Key.Span, now, out var expiresAt, countRead: true))
        {
            return new(Missing);
        }

        var entry = new Entry(default, expiresAt);

        if (!entry.HasExpiry)
        {
            return new(Persistent);
        }

        var milliseconds = request.Absolute ? Math.Max(0, entry.ExpiresAt) : entry.RemainingMilliseconds(now);

        // (ms + 500) / 1000 without the overflow near long.MaxValue that an instant far in the future would cause.
        return new(Reply.Integer(request.InMilliseconds ? milliseconds : (milliseconds / 1000) + (milliseconds % 1000 >= 500 ? 1 : 0)));
    }
}
