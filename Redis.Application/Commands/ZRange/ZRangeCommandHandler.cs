using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZRange;

/// <summary>
/// Selects the members by rank, score or lex range (with <c>LIMIT</c>), and answers them or, for
/// <c>ZRANGESTORE</c>, stores them as a new sorted set (an empty result deletes the destination).
/// </summary>
public sealed class ZRangeCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings) : IRequestHandler<ZRangeCommand, Reply>
{
    private readonly ZSetLimits _limits = new(settings);

    public ValueTask<Reply> Handle(ZRangeCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var lookup = request.Keyspace.Read(request.Source.Span, now, out SortedSetValue? set);
        if (lookup == KeyLookup.WrongType)
        {
            return new(Errors.WrongType);
        }

        var entries = set is null ? [] : Select(request, set);
        if (request.Destination is not { } destination)
        {
            return new(ZSetReplies.Entries(entries, request.WithScores, request.Resp3));
        }

        return new(Store(request.Keyspace, destination.Span, entries, now));
    }

    /// <summary>Redis's <c>genericZrangebyrankCommand</c>, <c>genericZrangebyscoreCommand</c> and <c>genericZrangebylexCommand</c>.</summary>
    private static SortedSetEntry[] Select(ZRangeCommand request, SortedSetValue set)
    {
        var length = set.Count;
        if (request.Kind == ZRangeKind.Rank)
        {
            var start = request.Start < 0 ? length + request.Start : request.Start;
            var end = request.End < 0 ? length + request.End : request.End;
            start = Math.Max(start, 0);
            if (start > end || start >= length)
            {
                return [];
            }

            end = Math.Min(end, length - 1);
            var count = end - start + 1;
            return request.Reverse ? set.Range(length - 1 - start, count, reverse: true) : set.Range(start, count, reverse: false);
        }

        var (first, last) = request.Kind == ZRangeKind.Score ? request.Scores.Ranks(set) : request.Lex.Ranks(set, request.Reverse);

        // A negative offset walks off the end in Redis's loop: nothing is returned.
        var available = last - first;
        if (request.Offset < 0 || request.Offset >= available)
        {
            return [];
        }

        var taken = available - request.Offset;
        if (request.Limit >= 0)
        {
            taken = Math.Min(taken, request.Limit);
        }

        return request.Reverse
            ? set.Range(last - 1 - request.Offset, taken, reverse: true)
            : set.Range(first + request.Offset, taken, reverse: false);
    }

    /// <summary>Redis's <c>zrangeResultFinalizeStore</c>.</summary>
    private Reply Store(Keyspace keyspace, ReadOnlySpan<byte> destination, SortedSetEntry[] entries, long now)
    {
        if (entries.Length == 0)
        {
            if (keyspace.Remove(destination, now))
            {
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, destination, keyspace.Index);
            }

            return Reply.Zero;
        }

        keyspace.Set(destination, SortedSetValue.Create([.. entries], _limits.MaxListpackEntries, _limits.MaxListpackValue));
        events.Notify(KeyspaceEventClasses.SortedSet, KeyspaceEventNames.ZRangeStore, destination, keyspace.Index);
        return Reply.Integer(entries.Length);
    }
}
