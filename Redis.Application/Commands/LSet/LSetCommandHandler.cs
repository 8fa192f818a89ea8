using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LSet;

/// <summary>Replaces the element at the index: <c>ERR no such key</c> for a missing key, <c>ERR index out of range</c> outside the list.</summary>
public sealed class LSetCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LSetCommand, Reply>
{
    public ValueTask<Reply> Handle(LSetCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<ListValue>(key, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Errors.NoSuchKey);
        }

        if (request.Index is not { } index)
        {
            return new(Errors.NotAnInteger);
        }

        var position = list!.Resolve(index);
        if (position < 0)
        {
            return new(Errors.IndexOutOfRange);
        }

        list.Set(position, request.Element);
        request.Keyspace.Changed(key, list);
        events.Notify(KeyspaceEventClasses.List, KeyspaceEventNames.LSet, key, request.Keyspace.Index);
        return new(Reply.Ok);
    }
}
