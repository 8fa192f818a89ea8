using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Del;

/// <summary>Answers how many of the keys existed and were removed.</summary>
public sealed class DelCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<DelCommand, Reply>
{
    public ValueTask<Reply> Handle(DelCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var removed = 0L;
        foreach (var key in request.Keys)
        {
            if (request.Keyspace.Remove(key.Span, now))
            {
                removed++;
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, key.Span, request.Keyspace.Index);
            }
        }

        return new(Reply.Integer(removed));
    }
}
