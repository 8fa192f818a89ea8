using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;

namespace Redis.Application.Commands.Ttl;

/// <summary>-2 for a missing key, -1 for a key without expiry, else the time left: milliseconds, or seconds rounded as Redis's <c>ttlGenericCommand</c> rounds.</summary>
public sealed class TtlCommandHandler(Keyspace keyspace, TimeProvider time) : IRequestHandler<TtlCommand, Reply>
{
    private static readonly Reply Missing = Reply.Integer(-2);
    private static readonly Reply Persistent = Reply.Integer(-1);

    public ValueTask<Reply> Handle(TtlCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        if (!keyspace.TryGet(request.Key.Span, now, out var entry))
        {
            return new(Missing);
        }

        if (!entry.HasExpiry)
        {
            return new(Persistent);
        }

        var remaining = entry.RemainingMilliseconds(now);
        return new(Reply.Integer(request.InMilliseconds ? remaining : (remaining + 500) / 1000));
    }
}
