using Mediator;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LRange;

/// <summary>The elements from start to stop inclusive (Redis's <c>addListRangeReply</c>), an empty array for a missing key.</summary>
public sealed class LRangeCommandHandler(TimeProvider time) : IRequestHandler<LRangeCommand, Reply>
{
    public ValueTask<Reply> Handle(LRangeCommand request, CancellationToken cancellationToken)
    {
        var lookup = request.Keyspace.Read<ListValue>(request.Key.Span, time.GetUnixMilliseconds(), out var list);
        if (lookup != KeyLookup.Found)
        {
            return new(lookup == KeyLookup.WrongType ? Errors.WrongType : Reply.EmptyArray);
        }

        if (!list!.TryResolveRange(request.Start, request.Stop, out var first, out var last))
        {
            return new(Reply.EmptyArray);
        }

        var elements = new Reply[last - first + 1];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = Reply.Bulk(list[first + i]);
        }

        return new(Reply.Array(elements));
    }
}
