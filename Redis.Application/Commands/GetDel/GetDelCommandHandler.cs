using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.GetDel;

public sealed class GetDelCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<GetDelCommand, Reply>
{
    public ValueTask<Reply> Handle(GetDelCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var lookup = request.Keyspace.Read(request.Key.Span, now, out var entry);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Nil);
        }

        request.Keyspace.Remove(request.Key.Span, now);
        events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, request.Key.Span, request.Keyspace.Index);
        return new(Reply.Bulk(entry.Value));
    }
}
