using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LMove;

/// <summary>Pops from the source and pushes on the destination, answering the element; nil for a missing source.</summary>
public sealed class LMoveCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LMoveCommand, Reply>
{
    public ValueTask<Reply> Handle(LMoveCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var source = request.Source.Span;
        return request.Keyspace.Get<ListValue>(source, now, out var list) switch
        {
            KeyLookup.WrongType => new(Errors.WrongType),
            KeyLookup.Missing => new(Reply.Nil),
            _ => new(LPop.LPopOperations.Move(request.Keyspace, source, list!, request.Destination.Span, request.FromLeft, request.ToLeft, now, events)),
        };
    }
}
