using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LMPop;

/// <summary>Pops from the first key that holds a list: <c>[key, [elements]]</c>, or a null array when none does; WRONGTYPE stops at the first non-list met (Redis's <c>mpopGenericCommand</c>).</summary>
public sealed class LMPopCommandHandler(TimeProvider time, KeyspaceEvents events, BlockedClients blocked) : IRequestHandler<LMPopCommand, Reply>
{
    public ValueTask<Reply> Handle(LMPopCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        foreach (var key in request.Keys)
        {
            switch (request.Keyspace.Get<ListValue>(key.Span, now, out var list))
            {
                case KeyLookup.WrongType:
                    return new(Errors.WrongType);
                case KeyLookup.Found when request.KeyAndElement:
                    return new(Reply.Array([Reply.Bulk(key.ToArray()), LPop.LPopOperations.PopOne(request.Keyspace, key.Span, list!, request.Left, events)]));
                case KeyLookup.Found:
                    return new(LPop.LPopOperations.PopWithKey(request.Keyspace, key, list!, request.Left, request.Count, events));
            }
        }

        return new(request.Wait is { } wait
            ? blocked.WaitOrAnswer(wait, request.Keyspace, request.Keys, KeyType.List, Reply.NullArray)
            : Reply.NullArray);
    }
}
