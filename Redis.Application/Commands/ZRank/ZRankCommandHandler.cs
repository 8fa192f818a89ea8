using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRank;

/// <summary>The member's 0-based rank, counted from the lowest score (or the highest, reversed); nil when absent.</summary>
public sealed class ZRankCommandHandler(TimeProvider time) : IRequestHandler<ZRankCommand, Reply>
{
    public ValueTask<Reply> Handle(ZRankCommand request, CancellationToken cancellationToken)
    {
        switch (request.Keyspace.Read(request.Key.Span, time.GetUnixMilliseconds(), out SortedSetValue? set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(Reply.Nil);
        }

        var rank = set!.RankOf(request.Member.Span);
        if (rank < 0)
        {
            return new(Reply.Nil);
        }

        return new(Reply.Integer(request.Reverse ? set.Count - 1 - rank : rank));
    }
}
