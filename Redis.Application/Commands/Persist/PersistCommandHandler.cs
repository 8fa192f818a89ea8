using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Persist;

/// <summary>1 when a TTL was removed; 0 when the key is missing or had none.</summary>
public sealed class PersistCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<PersistCommand, Reply>
{
    public ValueTask<Reply> Handle(PersistCommand request, CancellationToken cancellationToken)
    {
        if (!request.Keyspace.Persist(request.Key.Span, time.GetUnixMilliseconds()))
        {
            return new(Reply.Zero);
        }

        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Persist, request.Key.Span, request.Keyspace.Index);
        return new(Reply.One);
    }
}
