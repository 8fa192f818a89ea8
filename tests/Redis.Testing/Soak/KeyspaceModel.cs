using System.Globalization;
using System.Text;

namespace Redis.Testing.Soak;

/// <summary>
/// What Redis 7 answers, written from its documented semantics and kept deliberately naive: a dictionary of string
/// values with absolute expiry instants in milliseconds. It shares no code with the server.
/// </summary>
/// <remarks>
/// A key is expired when now &gt; its expiry (Redis's <c>keyIsExpired</c>); an expiry at or before now deletes the key
/// (<c>checkAlreadyExpired</c>). Every method takes the current time and returns the exact RESP2 reply bytes.
/// </remarks>
public sealed class KeyspaceModel
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

    public byte[] Get(string key, long now) => Bulk(Live(key, now));

    public byte[] GetDel(string key, long now)
    {
        var entry = Live(key, now);
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

    public byte[] MGet(IEnumerable<string> keys, long now) => RespText.Array(keys.Select(key => Bulk(Live(key, now))));

    public byte[] Append(string key, byte[] suffix, long now)
    {
        var entry = Live(key, now);
        var value = entry is null ? suffix : [.. entry.Value, .. suffix];
        _entries[key] = new Entry(value, entry?.ExpiresAt);
        return RespText.Integer(value.Length);
    }

    public byte[] Strlen(string key, long now) => RespText.Integer(Live(key, now)?.Value.Length ?? 0);

    /// <summary>INCR, DECR, INCRBY and DECRBY: the value must be a canonical 64-bit integer (string2ll); the TTL stays.</summary>
    public byte[] IncrBy(string key, long increment, long now)
    {
        var entry = Live(key, now);
        long current = 0;
        if (entry is not null && !TryParseCanonical(entry.Value, out current))
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

    private static byte[] Bulk(Entry? entry) => entry is null ? RespText.Nil : RespText.Bulk(entry.Value);

    /// <summary>string2ll accepts exactly the canonical decimal form of a 64-bit integer.</summary>
    private static bool TryParseCanonical(byte[] text, out long value) =>
        long.TryParse(Encoding.Latin1.GetString(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && Encoding.Latin1.GetString(text) == value.ToString(CultureInfo.InvariantCulture);

    private sealed record Entry(byte[] Value, long? ExpiresAt);
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
