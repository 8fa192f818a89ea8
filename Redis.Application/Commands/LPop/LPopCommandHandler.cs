using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LPop;

/// <summary>
/// Without a count: one element, nil for a missing key. With one: an array, a null array for a missing key and an
/// empty array for a count of 0 (Redis's <c>popGenericCommand</c>).
/// </summary>
public sealed class LPopCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<LPopCommand, Reply>
{
    public ValueTask<Reply> Handle(LPopCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var hasCount = request.Count >= 0;
        return request.Keyspace.Get<ListValue>(key, time.GetUnixMilliseconds(), out var list) switch
        {
            KeyLookup.WrongType => new(Errors.WrongType),
            KeyLookup.Missing => new(hasCount ? Reply.NullArray : Reply.Nil),
            _ when !hasCount => new(LPopOperations.PopOne(request.Keyspace, key, list!, request.Left, events)),
            _ when request.Count == 0 => new(Reply.EmptyArray),
            _ => new(LPopOperations.PopMany(request.Keyspace, key, list!, request.Left, request.Count, events)),
        };
    }
}
