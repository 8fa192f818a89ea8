using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LPush;

/// <summary>Pushes the elements one by one (so <c>LPUSH k a b</c> leaves <c>b a</c>) and answers the new length (Redis's <c>pushGenericCommand</c>).</summary>
public sealed class LPushCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LPushCommand, Reply>
{
    public ValueTask<Reply> Handle(LPushCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var lookup = request.Keyspace.Get<ListValue>(key, time.GetUnixMilliseconds(), out var list);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        if (list is null)
        {
            if (request.OnlyIfExists)
            {
                return new(Reply.Zero);
            }

            list = new ListValue();
            Push(list, request);
            request.Keyspace.Set(key, list);
        }
        else
        {
            Push(list, request);
            request.Keyspace.Changed(key, list);
        }

        events.Notify(KeyspaceEventClasses.List, request.Left ? KeyspaceEventNames.LPush : KeyspaceEventNames.RPush, key, request.Keyspace.Index);
        return new(Reply.Integer(list.Count));
    }

    private static void Push(ListValue list, LPushCommand request)
    {
        foreach (var element in request.Elements)
        {
            list.Push(element, request.Left);
        }
    }
}
