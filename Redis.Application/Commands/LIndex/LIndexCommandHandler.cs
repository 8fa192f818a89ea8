using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LIndex;

/// <summary>The element at the index (negative counts from the tail), nil when out of range or the key is missing.</summary>
public sealed class LIndexCommandHandler(TimeProvider time) : IRequestHandler<LIndexCommand, Reply>
{
    public ValueTask<Reply> Handle(LIndexCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read<ListValue>(request.Key.Span, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.Nil);
        }

        if (request.Index is not { } index)
        {
            return new(Errors.NotAnInteger);
        }

        var position = list!.Resolve(index);
        return new(position < 0 ? Reply.Nil : Reply.Bulk(list[position]));
    }
}
