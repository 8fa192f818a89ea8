using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LMove;

/// <summary>Pops from the source and pushes on the destination, answering the element; nil for a missing source.</summary>
/// <remarks>
/// The blocking forms wait on the source when it is missing; denied a wait (inside <c>MULTI</c>) they answer nil, as
/// Redis's <c>blmoveGenericCommand</c> does, while a wait that times out answers a null array.
/// </remarks>
public sealed class LMoveCommandHandler(TimeProvider time, KeyspaceEvents events, BlockedClients blocked) : IRequestHandler<LMoveCommand, Reply>
{
    public ValueTask<Reply> Handle(LMoveCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var source = request.Source.Span;
        return request.Keyspace.Get<ListValue>(source, now, out var list) switch
        {
            KeyLookup.WrongType => new(Errors.WrongType),
            KeyLookup.Missing when request.Wait is { } wait => new(blocked.WaitOrAnswer(wait, request.Keyspace, [request.Source], KeyType.List, Reply.Nil)),
            KeyLookup.Missing => new(Reply.Nil),
            _ => new(LPop.LPopOperations.Move(request.Keyspace, source, list!, request.Destination.Span, request.FromLeft, request.ToLeft, now, events)),
        };
    }
}
