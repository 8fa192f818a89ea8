using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LTrim;

/// <summary>Keeps the elements from start to stop inclusive; an empty range deletes the key. Always <c>OK</c> (Redis's <c>ltrimCommand</c>).</summary>
public sealed class LTrimCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LTrimCommand, Reply>
{
    public ValueTask<Reply> Handle(LTrimCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<ListValue>(key, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Ok);
        }

        var length = list!.Length;
        if (list.TryResolveRange(request.Start, request.Stop, out var first, out var last))
        {
            list.Trim(first, length - last - 1);
        }
        else
        {
            list.Trim(length, 0);
        }

        events.Notify(KeyspaceEventClasses.List, KeyspaceEventNames.LTrim, key, request.Keyspace.Index);
        if (request.Keyspace.Changed(key, list))
        {
            events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, key, request.Keyspace.Index);
        }

        return new(Reply.Ok);
    }
}
