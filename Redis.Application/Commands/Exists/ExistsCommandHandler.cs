using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Exists;

/// <summary>Counts the keys that exist; a key named twice counts twice, as in Redis.</summary>
public sealed class ExistsCommandHandler(TimeProvider time) : IRequestHandler<ExistsCommand, Reply>
{
    public ValueTask<Reply> Handle(ExistsCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var found = 0L;
        foreach (var key in request.Keys)
        {
            if (request.Keyspace.TryGetExpiry(key.Span, now, out _, countRead: true))
            {
                found++;
            }
        }

        return new(Reply.Integer(found));
    }
}
