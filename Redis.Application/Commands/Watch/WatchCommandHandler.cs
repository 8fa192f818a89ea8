using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Watch;

/// <summary>Redis's <c>watchCommand</c>: refused inside MULTI; once a watched key has changed, watching more is pointless.</summary>
/// <remarks>Watching reads no value, so it counts no keyspace hit or miss and expires nothing.</remarks>
public sealed class WatchCommandHandler(TimeProvider time) : IRequestHandler<WatchCommand, Reply>
{
    public ValueTask<Reply> Handle(WatchCommand request, CancellationToken cancellationToken)
    {
        var transaction = request.Session.Transaction;
        if (transaction.InMulti)
        {
            return new(Errors.WatchInsideMulti);
        }

        if (!transaction.IsWatchedKeyTouched)
        {
            var now = time.GetUnixMilliseconds();
            foreach (var key in request.Keys)
            {
                transaction.Watch(request.Keyspace, key.Span, now);
            }
        }

        return new(Reply.Ok);
    }
}
