using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZCount;

/// <summary>The number of members scored within the range, found from two ranks in O(log n).</summary>
public sealed class ZCountCommandHandler(TimeProvider time) : IRequestHandler<ZCountCommand, Reply>
{
    public ValueTask<Reply> Handle(ZCountCommand request, CancellationToken cancellationToken)
    {
        switch (request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(Reply.Zero);
        }

        var (first, end) = request.Range.Ranks(set!);
        return new(Reply.Integer(end - first));
    }
}
