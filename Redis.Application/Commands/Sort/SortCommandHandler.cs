using Mediator;
using Redis.Application.Commands.ZSetCommon;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Domain.Sets;
using Redis.Domain.SortedSets;
using Redis.Protocol;

namespace Redis.Application.Commands.Sort;

/// <summary>
/// Redis's <c>sortCommandGeneric</c>: loads the list, set or sorted set, weighs and sorts its elements (unless
/// <c>BY</c> names no key), takes the <c>LIMIT</c> range, and answers the elements or their <c>GET</c> values, or
/// stores them as a list (an empty result deletes the destination) and answers how many.
/// </summary>
public sealed class SortCommandHandler(TimeProvider time, KeyspaceEvents events) : IRequestHandler<SortCommand, Reply>
{
    public ValueTask<Reply> Handle(SortCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var keyspace = request.Keyspace;
        var type = keyspace.TypeOf(request.Key.Span, now, out var source, countRead: true);
        if (type is not (KeyType.None or KeyType.List or KeyType.Set or KeyType.ZSet))
        {
            return new(Errors.WrongType);
        }

        var store = request.Destination is not null;
        var dontSort = request.DontSort;
        var alpha = request.Alpha;
        var by = request.By;

        // A set has no order of its own to keep: for a stored result Redis sorts it by its bytes instead.
        if (dontSort && source is SetValue && store)
        {
            (dontSort, alpha, by) = (false, true, null);
        }

        var length = (int)(source?.Count ?? 0);
        var (start, end) = Range(request.Offset, request.Count, length);
        var items = Load(source, dontSort, request.Descending, ref start, ref end, length);
        var scoresFailed = !dontSort && Weigh(items, keyspace, by, alpha, now);
        if (!dontSort)
        {
            var comparer = new SortComparer(alpha, by is not null, store, request.Descending);
            if (by is not null && (start != 0 || end != items.Length - 1))
            {
                SortPartialQuickSort.Sort(items, comparer, start, end);
            }
            else
            {
                Array.Sort(items, comparer);
            }
        }

        var gets = request.Gets;
        var outputLength = (gets.Length == 0 ? 1 : gets.Length) * (end - start + 1);
        if (scoresFailed)
        {
            return new(Errors.SortScoreNotDouble);
        }

        return new(request.Destination is { } destination
            ? Store(keyspace, destination.Span, items, gets, start, end, outputLength, now)
            : Answer(keyspace, items, gets, start, end, outputLength, now));
    }

    /// <summary>Redis's <c>LIMIT</c> clamping, which keeps the range inside the elements (an empty range when it cannot).</summary>
    private static (long Start, long End) Range(long offset, long count, int length)
    {
        var start = Math.Min(Math.Max(offset, 0), length);
        count = Math.Min(Math.Max(count, -1), length);
        var end = count < 0 ? length - 1 : start + count - 1;
        if (start >= length)
        {
            (start, end) = (length - 1, length - 2);
        }

        return (start, Math.Min(end, length - 1));
    }

    /// <summary>
    /// The elements to sort. Without sorting, a list or sorted set loads only the range, in its order (reversed for
    /// <c>DESC</c>), and the range is moved to start at 0, as Redis does; a set loads whole, in its iteration order.
    /// </summary>
    private static SortItem[] Load(TypedValue? source, bool dontSort, bool descending, ref long start, ref long end, int length)
    {
        var ranged = dontSort && source is ListValue or SortedSetValue && (start != 0 || end != length - 1);
        var count = ranged ? (int)(end - start + 1) : length;
        var items = new SortItem[count];
        switch (source)
        {
            case ListValue list when dontSort:
                if (end >= start)
                {
                    for (var j = 0; j < count; j++)
                    {
                        items[j] = Item(list[(int)(descending ? length - start - 1 - j : start + j)], j);
                    }

                    (start, end) = (0, end - start);
                }

                break;
            case ListValue list:
                for (var j = 0; j < count; j++)
                {
                    items[j] = Item(list[j], j);
                }

                break;
            case SetValue set:
                for (var j = 0; j < count; j++)
                {
                    items[j] = Item(set.MemberAt(j), j);
                }

                break;
            case SortedSetValue zset when dontSort:
                var range = count == 0 ? [] : zset.Range(descending ? length - 1 - start : start, count, descending);
                for (var j = 0; j < count; j++)
                {
                    items[j] = Item(range[j].Member, j);
                }

                (start, end) = (0, end - start);
                break;
            case SortedSetValue zset:
                var all = zset.Range(0, count, reverse: false);
                for (var j = 0; j < count; j++)
                {
                    items[j] = Item(all[j].Member, j);
                }

                break;
        }

        return items;
    }

    private static SortItem Item(byte[] element, int position) => new(element, 0, default, false, position);

    /// <summary>Each element's weight: itself, or its <c>BY</c> value (a missing one weighs 0, or sorts first with <c>ALPHA</c>).</summary>
    /// <returns>True when a weight is not a number for a numeric sort; every weight is still looked up, as in Redis.</returns>
    private static bool Weigh(SortItem[] items, Keyspace keyspace, ReadOnlyMemory<byte>? by, bool alpha, long now)
    {
        var failed = false;
        for (var j = 0; j < items.Length; j++)
        {
            var element = items[j].Element;
            ReadOnlyMemory<byte> weight = element;
            if (by is { } pattern && !SortPattern.TryLookup(keyspace, pattern.Span, element, now, out weight))
            {
                continue;
            }

            if (alpha)
            {
                if (by is not null)
                {
                    items[j] = items[j] with { Weight = weight, HasWeight = true };
                }
            }
            else if (ZScoreParser.TryParseSortWeight(weight.Span, out var score))
            {
                items[j] = items[j] with { Score = score };
            }
            else
            {
                failed = true;
            }
        }

        return failed;
    }

    private static Reply Answer(Keyspace keyspace, SortItem[] items, ReadOnlyMemory<byte>[] gets, long start, long end, long outputLength, long now)
    {
        var replies = new Reply[outputLength];
        var n = 0;
        for (var j = start; j <= end; j++)
        {
            var element = items[j].Element;
            if (gets.Length == 0)
            {
                replies[n++] = Reply.Bulk(element);
            }

            foreach (var pattern in gets)
            {
                replies[n++] = SortPattern.TryLookup(keyspace, pattern.Span, element, now, out var value) ? Reply.Bulk(value) : Reply.Nil;
            }
        }

        return Reply.Array(replies);
    }

    /// <summary>The result as a new list under the destination, replacing any value and TTL; a missing <c>GET</c> value is stored empty.</summary>
    private Reply Store(Keyspace keyspace, ReadOnlySpan<byte> destination, SortItem[] items, ReadOnlyMemory<byte>[] gets, long start, long end, long outputLength, long now)
    {
        var list = new ListValue();
        for (var j = start; j <= end; j++)
        {
            var element = items[j].Element;
            if (gets.Length == 0)
            {
                list.Push(element, left: false);
            }

            foreach (var pattern in gets)
            {
                // The value may be a view of a stored string: the list keeps its own copy.
                list.Push(SortPattern.TryLookup(keyspace, pattern.Span, element, now, out var value) ? value.ToArray() : [], left: false);
            }
        }

        if (outputLength > 0)
        {
            keyspace.Set(destination, list);
            events.Notify(KeyspaceEventClasses.List, KeyspaceEventNames.SortStore, destination, keyspace.Index);
        }
        else if (keyspace.Remove(destination, now))
        {
            events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, destination, keyspace.Index);
        }

        return Reply.Integer(outputLength);
    }
}
