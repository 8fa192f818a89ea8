using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Domain.Lists;
using Redis.Protocol;

namespace Redis.Application.Commands.LPop;

/// <summary>
/// The pop and move steps of <c>LPOP</c>/<c>RPOP</c>, <c>LMPOP</c>, <c>LMOVE</c>/<c>RPOPLPUSH</c>, with their replies and
/// events, in one place: the blocking forms (<c>BLPOP</c>, <c>BLMPOP</c>, <c>BLMOVE</c>, ...) serve a list that has
/// elements with these same methods (Redis's <c>listPopRangeAndReplyWithKey</c>, <c>listElementsRemoved</c>,
/// <c>lmoveHandlePush</c>).
/// </summary>
internal static class LPopOperations
{
    /// <summary>Binds <c>LPOP</c>/<c>RPOP</c>: key and an optional count of 0 or more.</summary>
    public static BindResult BindPop(ref ArgCursor args, CommandSpec spec, bool Left)
    {
        if (args.Remaining > 2)
        {
            return spec.ArityError;
        }

        var key = args.NextMemory();
        var count = -1L;
        if (args.HasMore && (!args.TryNextInt64(out count) || count < 0))
        {
            return Errors.MustBePositive;
        }

        return new(new LPopCommand(args.Keyspace, key, Left, count));
    }

    /// <summary>Pops one element of a non-empty list stored under <paramref name="key"/>: a bulk reply.</summary>
    public static Reply PopOne(Keyspace keyspace, ReadOnlySpan<byte> key, ListValue list, bool left, KeyspaceEvents events)
    {
        var element = list.Pop(left);
        Removed(keyspace, key, list, left, events);
        return Reply.Bulk(element);
    }

    /// <summary>Pops up to <paramref name="count"/> (1 or more) elements of a non-empty list, in the order popped: an array.</summary>
    public static Reply PopMany(Keyspace keyspace, ReadOnlySpan<byte> key, ListValue list, bool left, long count, KeyspaceEvents events)
    {
        var elements = PopRange(list, left, count);
        Removed(keyspace, key, list, left, events);
        return Reply.Array(elements);
    }

    /// <summary>Pops up to <paramref name="count"/> elements of a non-empty list: <c>LMPOP</c>'s <c>[key, [elements]]</c>.</summary>
    public static Reply PopWithKey(Keyspace keyspace, ReadOnlyMemory<byte> key, ListValue list, bool left, long count, KeyspaceEvents events)
    {
        var elements = PopRange(list, left, count);
        Removed(keyspace, key.Span, list, left, events);
        return Reply.Array([Reply.Bulk(key.ToArray()), Reply.Array(elements)]);
    }

    /// <summary>
    /// Pops an element of the non-empty list <paramref name="source"/> and pushes it on the list under <paramref name="destinationKey"/>
    /// (created when missing; the same list rotates): the element, or WRONGTYPE when the destination is not a list,
    /// in which case nothing changes (Redis's <c>lmoveGenericCommand</c>).
    /// </summary>
    public static Reply Move(
        Keyspace keyspace,
        ReadOnlySpan<byte> sourceKey,
        ListValue source,
        ReadOnlySpan<byte> destinationKey,
        bool fromLeft,
        bool toLeft,
        long now,
        KeyspaceEvents events)
    {
        if (keyspace.Get<ListValue>(destinationKey, now, out var destination) == KeyLookup.WrongType)
        {
            return Errors.WrongType;
        }

        var element = source.Pop(fromLeft);
        if (destination is null)
        {
            destination = new ListValue();
            destination.Push(element, toLeft);
            keyspace.Set(destinationKey, destination);
        }
        else
        {
            destination.Push(element, toLeft);
            keyspace.Changed(destinationKey, destination);
        }

        events.Notify(KeyspaceEventClasses.List, toLeft ? KeyspaceEventNames.LPush : KeyspaceEventNames.RPush, destinationKey, keyspace.Index);
        Removed(keyspace, sourceKey, source, fromLeft, events);
        return Reply.Bulk(element);
    }

    private static Reply[] PopRange(ListValue list, bool left, long count)
    {
        var elements = new Reply[(int)Math.Min(count, list.Count)];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = Reply.Bulk(list.Pop(left));
        }

        return elements;
    }

    /// <summary>Redis's <c>listElementsRemoved</c>: the pop event, then the key's deletion (and <c>del</c>) when the list is empty.</summary>
    private static void Removed(Keyspace keyspace, ReadOnlySpan<byte> key, ListValue list, bool left, KeyspaceEvents events)
    {
        events.Shrunk(keyspace, key, list, KeyspaceEventClasses.List, left ? KeyspaceEventNames.LPop : KeyspaceEventNames.RPop);
    }
}
