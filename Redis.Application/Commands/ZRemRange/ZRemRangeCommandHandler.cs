using Mediator;
using Redis.Application.Commands.ZRange;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRemRange;

/// <summary>Removes the members in the range and answers how many went (Redis's <c>zremrangeGenericCommand</c>).</summary>
public sealed class ZRemRangeCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<ZRemRangeCommand, Reply>
{
    public ValueTask<Reply> Handle(ZRemRangeCommand request, CancellationToken cancellationToken)
    {
        var key = request.Key.Span;
        var keyspace = request.Keyspace;
        switch (keyspace.Get(key, time.GetUnixMilliseconds(), out SortedSetValue? set))
        {
            case KeyLookup.WrongType:
                return new(Errors.WrongType);
            case KeyLookup.Missing:
                return new(Reply.Zero);
        }

        long first, end;
        byte[] eventName;
        switch (request.Kind)
        {
            case ZRangeKind.Rank:
                var length = set!.Count;
                first = request.Start < 0 ? length + request.Start : request.Start;
                var last = request.End < 0 ? length + request.End : request.End;
                first = Math.Max(first, 0);
                if (first > last || first >= length)
                {
                    return new(Reply.Zero);
                }

                end = Math.Min(last, length - 1) + 1;
                eventName = KeyspaceEventNames.ZRemRangeByRank;
                break;
            case ZRangeKind.Score:
                (first, end) = request.Scores.Ranks(set!);
                eventName = KeyspaceEventNames.ZRemRangeByScore;
                break;
            default:
                (first, end) = request.Lex.Ranks(set!);
                eventName = KeyspaceEventNames.ZRemRangeByLex;
                break;
        }

        var deleted = end - first;
        if (deleted > 0)
        {
            set!.RemoveRange(first, deleted);
            events.Shrunk(keyspace, key, set, KeyspaceEventClasses.SortedSet, eventName);
        }

        return new(Reply.Integer(deleted));
    }
}
