using System.Globalization;
using System.Text;

namespace Redis.Testing.Soak;

/// <summary>
/// What Redis 7 answers, written from its documented semantics and kept deliberately naive: a dictionary of values
/// (a string, or a hash, list, set or sorted set) with absolute expiry instants in milliseconds. It shares no code
/// with the server.
/// </summary>
/// <remarks>
/// <para>
/// A key is expired when now &gt; its expiry (Redis's <c>keyIsExpired</c>); an expiry at or before now deletes the key
/// (<c>checkAlreadyExpired</c>). Every method takes the current time and returns the exact RESP2 reply bytes.
/// </para>
/// <para>
/// A command on a key of another type answers WRONGTYPE and changes nothing; a collection emptied is deleted. The
/// collections also track the encoding Redis 7.0 would use, only where it decides the order of a reply: a hash lists
/// its fields in insertion order while it is a listpack, a set of integers in ascending order while it is an intset;
/// past that the order is unspecified and the reply is compared as a multiset.
/// </para>
/// </remarks>
public sealed partial class KeyspaceModel
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Clear() => _entries.Clear();

    /// <summary>The expiry instants of the keys that have one (some may have passed), for a clock that aims at them.</summary>
    public List<long> ExpiryInstants() => [.. _entries.Values.Where(e => e.ExpiresAt is not null).Select(e => e.ExpiresAt!.Value)];

    public byte[] Set(string key, byte[] value, SetOptions options, long now)
    {
        if (options.ExpireMilliseconds is <= 0)
        {
            return RespText.Error("ERR invalid expire time in 'set' command");
        }

        var old = Live(key, now);
        if (options.Get && old is not null && old.Value is not byte[])
        {
            return WrongType;
        }

        if ((options.Condition == SetCondition.IfMissing && old is not null) || (options.Condition == SetCondition.IfExists && old is null))
        {
            return RespText.Nil;
        }

        long? expiresAt = options.ExpireMilliseconds is { } ms ? now + ms : options.KeepTtl ? old?.ExpiresAt : null;
        _entries[key] = new Entry(value, expiresAt);
        return options.Get ? Bulk(old) : RespText.Ok;
    }

    public byte[] SetNx(string key, byte[] value, long now)
    {
        if (Live(key, now) is not null)
        {
            return RespText.Integer(0);
        }

        _entries[key] = new Entry(value, null);
        return RespText.Integer(1);
    }

    public byte[] Get(string key, long now) => StringEntry(key, now, out var entry) ? Bulk(entry) : WrongType;

    public byte[] GetDel(string key, long now)
    {
        if (!StringEntry(key, now, out var entry))
        {
            return WrongType;
        }

        _entries.Remove(key);
        return Bulk(entry);
    }

    public byte[] Del(IEnumerable<string> keys, long now) =>
        RespText.Integer(keys.Count(key => Live(key, now) is not null && _entries.Remove(key)));

    public byte[] Exists(IEnumerable<string> keys, long now) => RespText.Integer(keys.Count(key => Live(key, now) is not null));

    public byte[] MSet(IEnumerable<(string Key, byte[] Value)> pairs)
    {
        foreach (var (key, value) in pairs)
        {
            _entries[key] = new Entry(value, null);
        }

        return RespText.Ok;
    }

    /// <summary>MGET answers nil for a key of another type, never WRONGTYPE.</summary>
    public byte[] MGet(IEnumerable<string> keys, long now) =>
        RespText.Array(keys.Select(key => Live(key, now) is { Value: byte[] } entry ? Bulk(entry) : RespText.Nil));

    public byte[] Append(string key, byte[] suffix, long now)
    {
        if (!StringEntry(key, now, out var entry))
        {
            return WrongType;
        }

        var value = entry is null ? suffix : [.. (byte[])entry.Value, .. suffix];
        _entries[key] = new Entry(value, entry?.ExpiresAt);
        return RespText.Integer(value.Length);
    }

    public byte[] Strlen(string key, long now) =>
        StringEntry(key, now, out var entry) ? RespText.Integer(entry is null ? 0 : ((byte[])entry.Value).Length) : WrongType;

    /// <summary>INCR, DECR, INCRBY and DECRBY: the value must be a canonical 64-bit integer (string2ll); the TTL stays.</summary>
    public byte[] IncrBy(string key, long increment, long now)
    {
        if (!StringEntry(key, now, out var entry))
        {
            return WrongType;
        }

        long current = 0;
        if (entry is not null && !TryParseCanonical((byte[])entry.Value, out current))
        {
            return RespText.Error("ERR value is not an integer or out of range");
        }

        long result;
        try
        {
            result = checked(current + increment);
        }
        catch (OverflowException)
        {
            return RespText.Error("ERR increment or decrement would overflow");
        }

        _entries[key] = new Entry(Encoding.ASCII.GetBytes(result.ToString(CultureInfo.InvariantCulture)), entry?.ExpiresAt);
        return RespText.Integer(result);
    }

    /// <summary>EXPIRE and PEXPIRE with Redis 7's NX, XX, GT and LT (a key without a TTL counts as an infinite one).</summary>
    public byte[] Expire(string key, long milliseconds, ExpireCondition condition, long now)
    {
        var entry = Live(key, now);
        if (entry is null)
        {
            return RespText.Integer(0);
        }

        var when = now + milliseconds;
        var current = entry.ExpiresAt;
        var refused = condition switch
        {
            ExpireCondition.IfNone => current is not null,
            ExpireCondition.IfAny => current is null,
            ExpireCondition.IfGreater => current is null || when <= current,
            ExpireCondition.IfLess => current is not null && when >= current,
            _ => false,
        };
        if (refused)
        {
            return RespText.Integer(0);
        }

        if (when <= now)
        {
            _entries.Remove(key);
        }
        else
        {
            _entries[key] = entry with { ExpiresAt = when };
        }

        return RespText.Integer(1);
    }

    public byte[] Persist(string key, long now)
    {
        var entry = Live(key, now);
        if (entry?.ExpiresAt is null)
        {
            return RespText.Integer(0);
        }

        _entries[key] = entry with { ExpiresAt = null };
        return RespText.Integer(1);
    }

    /// <summary>TTL (seconds, rounded half up as <c>ttlGenericCommand</c> does) and PTTL: -2 missing, -1 no expiry.</summary>
    public byte[] Ttl(string key, bool milliseconds, long now)
    {
        var entry = Live(key, now);
        if (entry is null)
        {
            return RespText.Integer(-2);
        }

        if (entry.ExpiresAt is not { } expiresAt)
        {
            return RespText.Integer(-1);
        }

        var left = Math.Max(0, expiresAt - now);
        return RespText.Integer(milliseconds ? left : (left + 500) / 1000);
    }

    /// <summary>TYPE: <c>none</c> for a missing key.</summary>
    public byte[] Type(string key, long now) => Live(key, now)?.Value switch
    {
        null => "+none\r\n"u8.ToArray(),
        byte[] => "+string\r\n"u8.ToArray(),
        HashModel => "+hash\r\n"u8.ToArray(),
        List<byte[]> => "+list\r\n"u8.ToArray(),
        SetModel => "+set\r\n"u8.ToArray(),
        _ => "+zset\r\n"u8.ToArray(),
    };

    /// <summary>RENAME: the value and its TTL move, overwriting the destination whatever its type.</summary>
    public byte[] Rename(string source, string destination, long now)
    {
        var entry = Live(source, now);
        if (entry is null)
        {
            return RespText.Error("ERR no such key");
        }

        _entries.Remove(source);
        _entries[destination] = entry;
        return RespText.Ok;
    }

    private static readonly byte[] WrongType = RespText.Error("WRONGTYPE Operation against a key holding the wrong kind of value");

    /// <summary>False when the key holds another type than a string; <paramref name="entry"/> is null when it is missing.</summary>
    private bool StringEntry(string key, long now, out Entry? entry)
    {
        entry = Live(key, now);
        return entry is null || entry.Value is byte[];
    }

    /// <summary>
    /// The collection of type <typeparamref name="T"/> at <paramref name="key"/>: false when the key holds another type;
    /// <paramref name="value"/> is null when it is missing.
    /// </summary>
    private bool Collection<T>(string key, long now, out T? value)
        where T : class
    {
        var entry = Live(key, now);
        value = entry?.Value as T;
        return entry is null || value is not null;
    }

    /// <summary>Stores a new collection, with no TTL, or deletes the key when it is empty.</summary>
    private void Store(string key, object value, bool empty)
    {
        if (empty)
        {
            _entries.Remove(key);
        }
        else
        {
            _entries[key] = new Entry(value, null);
        }
    }

    /// <summary>Deletes the key once a command has emptied its collection.</summary>
    private void DeleteIfEmpty(string key, int count)
    {
        if (count == 0)
        {
            _entries.Remove(key);
        }
    }

    private Entry? Live(string key, long now)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt is { } expiresAt && now > expiresAt)
        {
            _entries.Remove(key);
            return null;
        }

        return entry;
    }

    private static byte[] Bulk(Entry? entry) => entry is null ? RespText.Nil : RespText.Bulk((byte[])entry.Value);

    /// <summary>string2ll accepts exactly the canonical decimal form of a 64-bit integer.</summary>
    private static bool TryParseCanonical(byte[] text, out long value) =>
        long.TryParse(Encoding.Latin1.GetString(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && Encoding.Latin1.GetString(text) == value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A key's value: a <c>byte[]</c> string, <see cref="HashModel"/>, <c>List&lt;byte[]&gt;</c>, <see cref="SetModel"/> or <see cref="SortedSetModel"/>.</summary>
    private sealed record Entry(object Value, long? ExpiresAt);
}

public enum SetCondition
{
    Always,
    IfMissing,
    IfExists,
}

public enum ExpireCondition
{
    Always,
    IfNone,
    IfAny,
    IfGreater,
    IfLess,
}

/// <summary>SET's options: an expiry in milliseconds (EX and PX both end up here), KEEPTTL, NX or XX, GET.</summary>
public sealed record SetOptions(long? ExpireMilliseconds = null, bool KeepTtl = false, SetCondition Condition = SetCondition.Always, bool Get = false);
