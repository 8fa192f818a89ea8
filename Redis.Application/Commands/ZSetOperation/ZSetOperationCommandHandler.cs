using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.ZSetOperation;

/// <summary>
/// Union, intersection or difference of sorted sets (Redis's <c>zunionInterDiffGenericCommand</c>): weighted scores
/// combined by the aggregate (a NaN sum counts as 0), answered in order, stored, or only counted.
/// </summary>
public sealed class ZSetOperationCommandHandler(TimeProvider time, KeyspaceEvents events, IServerSettings settings) : IRequestHandler<ZSetOperationCommand, Reply>
{
    private readonly ZSetLimits _limits = new(settings);

    public ValueTask<Reply> Handle(ZSetOperationCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var keyspace = request.Keyspace;
        var sources = new Source[request.Keys.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            // Redis also takes a set, each member scoring 1 (zuiInitIterator's OBJ_SET case); any other type is WRONGTYPE.
            var type = keyspace.TypeOf(request.Keys[i].Span, now, out var value, countRead: true);
            var set = value switch
            {
                SortedSetValue sorted => sorted,
                SetValue members => ScoredOne(members),
                _ => null,
            };
            if (type != KeyType.None && set is null)
            {
                return new(Errors.WrongType);
            }

            sources[i] = new Source(set, request.Weights[i]);
        }

        if (request.OptionsError is { } error)
        {
            return new(error);
        }

        if (request.Operation != ZSetOperationKind.Diff)
        {
            // Redis sorts by cardinality (qsort) so that an intersection walks the smallest set; few keys: insertion sort.
            for (var i = 1; i < sources.Length; i++)
            {
                for (var j = i; j > 0 && sources[j - 1].Length > sources[j].Length; j--)
                {
                    (sources[j - 1], sources[j]) = (sources[j], sources[j - 1]);
                }
            }
        }

        if (request.CardinalityOnly)
        {
            return new(Reply.Integer(InterCardinality(sources, request.Limit)));
        }

        var result = request.Operation switch
        {
            ZSetOperationKind.Union => Union(sources, request.Aggregate),
            ZSetOperationKind.Inter => Inter(sources, request.Aggregate),
            _ => Diff(sources),
        };

        if (request.Destination is { } destination)
        {
            return new(Store(request, destination.Span, result, now));
        }

        result.Sort(static (a, b) => SortedSetValue.Compare(a.Score, a.Member, b.Score, b.Member));
        return new(ZSetReplies.Entries(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result), request.WithScores, request.Resp3));
    }

    private Reply Store(ZSetOperationCommand request, ReadOnlySpan<byte> destination, List<SortedSetEntry> result, long now)
    {
        var keyspace = request.Keyspace;
        if (result.Count == 0)
        {
            if (keyspace.Remove(destination, now))
            {
                events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, destination, keyspace.Index);
            }

            return Reply.Zero;
        }

        var count = result.Count;
        keyspace.Set(destination, SortedSetValue.Create(result, _limits.MaxListpackEntries, _limits.MaxListpackValue));
        var name = request.Operation switch
        {
            ZSetOperationKind.Union => KeyspaceEventNames.ZUnionStore,
            ZSetOperationKind.Inter => KeyspaceEventNames.ZInterStore,
            _ => KeyspaceEventNames.ZDiffStore,
        };
        events.Notify(KeyspaceEventClasses.SortedSet, name, destination, keyspace.Index);
        return Reply.Integer(count);
    }

    // A set read as a sorted set whose members all score 1: a copy with a member index (the skiplist encoding), so
    // the intersection's lookups stay O(1) as they are on Redis's set.
    private static SortedSetValue ScoredOne(SetValue members)
    {
        var entries = new List<SortedSetEntry>((int)members.Count);
        for (var position = 0; position < members.Count; position++)
        {
            entries.Add(new SortedSetEntry(members.MemberAt(position), 1));
        }

        return SortedSetValue.Create(entries, maxListpackEntries: 0, maxListpackValue: 0);
    }

    private static List<SortedSetEntry> Union(Source[] sources, ZAggregate aggregate)
    {
        var accumulator = new Dictionary<byte[], double>(ByteKeyComparer.Instance);
        foreach (var source in sources)
        {
            foreach (var entry in source.Entries())
            {
                var score = Weighted(entry.Score, source.Weight);
                if (accumulator.TryGetValue(entry.Member, out var existing))
                {
                    accumulator[entry.Member] = Aggregate(existing, score, aggregate);
                }
                else
                {
                    accumulator.Add(entry.Member, score);
                }
            }
        }

        var result = new List<SortedSetEntry>(accumulator.Count);
        foreach (var (member, score) in accumulator)
        {
            result.Add(new SortedSetEntry(member, score));
        }

        return result;
    }

    private static List<SortedSetEntry> Inter(Source[] sources, ZAggregate aggregate)
    {
        var result = new List<SortedSetEntry>();
        foreach (var entry in sources[0].Entries())
        {
            if (TryIntersect(sources, entry, aggregate, out var score))
            {
                result.Add(new SortedSetEntry(entry.Member, score));
            }
        }

        return result;
    }

    private static long InterCardinality(Source[] sources, long limit)
    {
        long cardinality = 0;
        foreach (var entry in sources[0].Entries())
        {
            if (TryIntersect(sources, entry, ZAggregate.Sum, out _))
            {
                cardinality++;
                if (limit > 0 && cardinality >= limit)
                {
                    break;
                }
            }
        }

        return cardinality;
    }

    private static bool TryIntersect(Source[] sources, SortedSetEntry entry, ZAggregate aggregate, out double score)
    {
        score = Weighted(entry.Score, sources[0].Weight);
        for (var j = 1; j < sources.Length; j++)
        {
            double value;
            if (ReferenceEquals(sources[j].Set, sources[0].Set))
            {
                value = entry.Score;
            }
            else if (sources[j].Set is not { } other || !other.TryGetScore(entry.Member, out value))
            {
                return false;
            }

            score = Aggregate(score, value * sources[j].Weight, aggregate);
        }

        return true;
    }

    private static List<SortedSetEntry> Diff(Source[] sources)
    {
        var result = new List<SortedSetEntry>();
        foreach (var entry in sources[0].Entries())
        {
            var unique = true;
            for (var j = 1; j < sources.Length && unique; j++)
            {
                unique = sources[j].Set is not { } other || !other.TryGetScore(entry.Member, out _);
            }

            if (unique)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    private static double Weighted(double score, double weight)
    {
        var weighted = score * weight;
        return double.IsNaN(weighted) ? 0 : weighted;
    }

    /// <summary>Redis's <c>zunionInterAggregate</c>.</summary>
    private static double Aggregate(double target, double value, ZAggregate aggregate)
    {
        switch (aggregate)
        {
            case ZAggregate.Sum:
                var sum = target + value;
                return double.IsNaN(sum) ? 0 : sum;
            case ZAggregate.Min:
                return value < target ? value : target;
            default:
                return value > target ? value : target;
        }
    }

    private readonly record struct Source(SortedSetValue? Set, double Weight)
    {
        public long Length => Set?.Count ?? 0;

        public SortedSetEntry[] Entries() => Set is null ? [] : Set.Range(0, Set.Count, reverse: false);
    }
}
