using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.GetDel;

public sealed class GetDelCommandHandler(TimeProvider time) : IRequestHandler<GetDelCommand, Reply>
{
    public ValueTask<Reply> Handle(GetDelCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        if (!request.Keyspace.TryRead(request.Key.Span, now, out var entry))
        {
            return new(Reply.Nil);
        }

        request.Keyspace.Remove(request.Key.Span, now);
        return new(Reply.Bulk(entry.Value));
    }
}
