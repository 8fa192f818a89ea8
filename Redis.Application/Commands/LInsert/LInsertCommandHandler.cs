using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LInsert;

/// <summary>Inserts beside the first element equal to the pivot from the head: the new length, -1 without a pivot, 0 for a missing key.</summary>
public sealed class LInsertCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LInsertCommand, Reply>
{
    private static readonly Reply MinusOne = Reply.Integer(-1);

    public ValueTask<Reply> Handle(LInsertCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<ListValue>(key, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Zero);
        }

        var pivot = list!.IndexOf(request.Pivot.Span);
        if (pivot < 0)
        {
            return new(MinusOne);
        }

        list.Insert(request.After ? pivot + 1 : pivot, request.Element);
        request.Keyspace.Changed(key, list);
        events.Notify(KeyspaceEventClasses.List, KeyspaceEventNames.LInsert, key, request.Keyspace.Index);
        return new(Reply.Integer(list.Count));
    }
}
