namespace Redis.Testing.Soak;

/// <summary>The list commands of <see cref="KeyspaceModel"/>: a list is a <c>List&lt;byte[]&gt;</c>, head first.</summary>
public sealed partial class KeyspaceModel
{
    /// <summary>LPUSH (each element in turn at the head) and RPUSH: the new length.</summary>
    public byte[] Push(string key, bool left, IEnumerable<byte[]> elements, long now)
    {
        if (!Collection<List<byte[]>>(key, now, out var list))
        {
            return WrongType;
        }

        if (list is null)
        {
            list = [];
            _entries[key] = new Entry(list, null);
        }

        foreach (var element in elements)
        {
            list.Insert(left ? 0 : list.Count, element);
        }

        return RespText.Integer(list.Count);
    }

    /// <summary>LPOP and RPOP: without a count one element or nil; with one an array, a null array for a missing key.</summary>
    public byte[] Pop(string key, bool left, long? count, long now)
    {
        if (count is < 0)
        {
            return RespText.Error("ERR value is out of range, must be positive");
        }

        if (!Collection<List<byte[]>>(key, now, out var list))
        {
            return WrongType;
        }

        if (list is null)
        {
            return count is null ? RespText.Nil : "*-1\r\n"u8.ToArray();
        }

        var taken = (int)Math.Min(count ?? 1, list.Count);
        var popped = left ? list[..taken] : Enumerable.Reverse(list[^taken..]).ToList();
        list.RemoveRange(left ? 0 : list.Count - taken, taken);
        DeleteIfEmpty(key, list.Count);
        return count is null ? RespText.Bulk(popped[0]) : RespText.Array(popped.Select(RespText.Bulk));
    }

    public byte[] LLen(string key, long now) =>
        Collection<List<byte[]>>(key, now, out var list) ? RespText.Integer(list?.Count ?? 0) : WrongType;

    /// <summary>LRANGE with Redis's index rules: negative from the end, clamped, empty when start is past stop.</summary>
    public byte[] LRange(string key, long start, long stop, long now)
    {
        if (!Collection<List<byte[]>>(key, now, out var list))
        {
            return WrongType;
        }

        var (from, to) = ClampRange(start, stop, list?.Count ?? 0);
        return RespText.Array(from > to ? [] : list![(int)from..(int)(to + 1)].Select(RespText.Bulk));
    }

    public byte[] LIndex(string key, long index, long now)
    {
        if (!Collection<List<byte[]>>(key, now, out var list))
        {
            return WrongType;
        }

        var count = list?.Count ?? 0;
        var at = index < 0 ? count + index : index;
        return at >= 0 && at < count ? RespText.Bulk(list![(int)at]) : RespText.Nil;
    }

    /// <summary>LREM: count &gt; 0 from the head, &lt; 0 from the tail, 0 all; the number removed.</summary>
    public byte[] LRem(string key, long count, byte[] element, long now)
    {
        if (!Collection<List<byte[]>>(key, now, out var list))
        {
            return WrongType;
        }

        if (list is null)
        {
            return RespText.Integer(0);
        }

        var removed = 0;
        var limit = count == 0 ? long.MaxValue : Math.Abs(count);
        for (var n = 0; n < list.Count && removed < limit; n++)
        {
            var i = count < 0 ? list.Count - 1 - n : n;
            if (list[i].AsSpan().SequenceEqual(element))
            {
                list.RemoveAt(i);
                removed++;
                n--;
            }
        }

        DeleteIfEmpty(key, list.Count);
        return RespText.Integer(removed);
    }

    /// <summary>LMOVE: nil when the source is missing (the destination is not looked at); otherwise both must be lists.</summary>
    public byte[] LMove(string source, string destination, bool fromLeft, bool toLeft, long now)
    {
        if (!Collection<List<byte[]>>(source, now, out var from))
        {
            return WrongType;
        }

        if (from is null)
        {
            return RespText.Nil;
        }

        if (!Collection<List<byte[]>>(destination, now, out var to))
        {
            return WrongType;
        }

        var element = from[fromLeft ? 0 : ^1];
        from.RemoveAt(fromLeft ? 0 : from.Count - 1);
        if (to is null)
        {
            to = [];
            _entries[destination] = new Entry(to, null);
        }

        to.Insert(toLeft ? 0 : to.Count, element);
        DeleteIfEmpty(source, from.Count);
        return RespText.Bulk(element);
    }

    /// <summary>Redis's start/stop for LRANGE and ZRANGE: negatives count from the end, then clamped to the collection.</summary>
    private static (long From, long To) ClampRange(long start, long stop, int count)
    {
        var from = start < 0 ? Math.Max(0, count + start) : start;
        var to = Math.Min(stop < 0 ? count + stop : stop, count - 1);
        return (from, to);
    }
}
