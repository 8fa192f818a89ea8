using Mediator;
using Redis.Application.PubSub;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Move;

/// <summary>
/// Redis's <c>moveCommand</c>, in its order: the index must name a database, and another one than the key's; then 1
/// when the key moved with its TTL, 0 when it is missing here or already exists there.
/// </summary>
public sealed class MoveCommandHandler(Databases databases, TimeProvider time, KeyspaceEvents events) : IRequestHandler<MoveCommand, Reply>
{
    public ValueTask<Reply> Handle(MoveCommand request, CancellationToken cancellationToken)
    {
        if (!databases.Contains(request.Database))
        {
            return new(Errors.DbIndexOutOfRange);
        }

        var destination = databases[request.Database];
        if (ReferenceEquals(destination, request.Keyspace))
        {
            return new(Errors.SameObject);
        }

        if (!request.Keyspace.MoveTo(request.Key.Span, destination, time.GetUnixMilliseconds()))
        {
            return new(Reply.Zero);
        }

        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.MoveFrom, request.Key.Span, request.Keyspace.Index);
        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.MoveTo, request.Key.Span, destination.Index);
        return new(Reply.One);
    }
}
