using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Copy;

/// <summary>
/// Redis's <c>copyCommand</c>, in its order: every <c>DB</c> index must name a database, then the first refused
/// option; the same key in the same database is an error; then 1 when the value and its TTL were copied, 0 when the
/// source is missing or the destination exists without <c>REPLACE</c>.
/// </summary>
public sealed class CopyCommandHandler(Databases databases, TimeProvider time, KeyspaceEvents events) : IRequestHandler<CopyCommand, Reply>
{
    public ValueTask<Reply> Handle(CopyCommand request, CancellationToken cancellationToken)
    {
        foreach (var database in request.Databases)
        {
            if (!databases.Contains(database))
            {
                return new(Errors.DbIndexOutOfRange);
            }
        }

        if (request.OptionError is { } error)
        {
            return new(error);
        }

        var destination = request.Databases.Length == 0 ? request.Keyspace : databases[request.Databases[^1]];
        if (ReferenceEquals(destination, request.Keyspace) && request.Source.Span.SequenceEqual(request.Destination.Span))
        {
            return new(Errors.SameObject);
        }

        if (!request.Keyspace.CopyTo(request.Source.Span, destination, request.Destination.Span, request.Replace, time.GetUnixMilliseconds()))
        {
            return new(Reply.Zero);
        }

        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.CopyTo, request.Destination.Span, destination.Index);
        return new(Reply.One);
    }
}
