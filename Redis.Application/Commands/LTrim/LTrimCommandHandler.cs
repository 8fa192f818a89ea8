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

        events.Shrunk(request.Keyspace, key, list, KeyspaceEventClasses.List, KeyspaceEventNames.LTrim);

        return new(Reply.Ok);
    }
}
