using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LRem;

/// <summary>
/// Removes elements equal to the element: count &gt; 0 the first count from the head, &lt; 0 from the tail, 0 all; answers
/// how many went, and deletes the key when none is left (Redis's <c>lremCommand</c>).
/// </summary>
public sealed class LRemCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LRemCommand, Reply>
{
    public ValueTask<Reply> Handle(LRemCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<ListValue>(key, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Zero);
        }

        var count = request.Count;
        var limit = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        var removed = list!.Remove(request.Element.Span, limit, fromTail: count < 0);
        if (removed > 0)
        {
            events.Shrunk(request.Keyspace, key, list, KeyspaceEventClasses.List, KeyspaceEventNames.LRem);
        }

        return new(Reply.Integer(removed));
    }
}
