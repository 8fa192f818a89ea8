using System.Globalization;
using System.Text;

namespace Redis.Testing.Soak;

/// <summary>The hash commands of <see cref="KeyspaceModel"/>.</summary>
public sealed partial class KeyspaceModel
{
    public byte[] HSet(string key, IReadOnlyList<(string Field, byte[] Value)> pairs, long now)
    {
        if (!Collection<HashModel>(key, now, out var hash))
        {
            return WrongType;
        }

        if (hash is null)
        {
            hash = new HashModel();
            _entries[key] = new Entry(hash, null);
        }

        return RespText.Integer(pairs.Count(pair => hash.Set(pair.Field, pair.Value)));
    }

    public byte[] HDel(string key, IEnumerable<string> fields, long now)
    {
        if (!Collection<HashModel>(key, now, out var hash))
        {
            return WrongType;
        }

        if (hash is null)
        {
            return RespText.Integer(0);
        }

        var removed = fields.Count(hash.Remove);
        DeleteIfEmpty(key, hash.Count);
        return RespText.Integer(removed);
    }

    public byte[] HGet(string key, string field, long now) =>
        !Collection<HashModel>(key, now, out var hash) ? WrongType
        : hash?.Get(field) is { } value ? RespText.Bulk(value)
        : RespText.Nil;

    public byte[] HLen(string key, long now) =>
        Collection<HashModel>(key, now, out var hash) ? RespText.Integer(hash?.Count ?? 0) : WrongType;

    /// <summary>HINCRBY: the field's value must be a canonical 64-bit integer; a missing field counts as 0.</summary>
    public byte[] HIncrBy(string key, string field, long increment, long now)
    {
        if (!Collection<HashModel>(key, now, out var hash))
        {
            return WrongType;
        }

        long current = 0;
        if (hash?.Get(field) is { } value && !TryParseCanonical(value, out current))
        {
            return RespText.Error("ERR hash value is not an integer");
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

        if (hash is null)
        {
            hash = new HashModel();
            _entries[key] = new Entry(hash, null);
        }

        hash.Set(field, Encoding.ASCII.GetBytes(result.ToString(CultureInfo.InvariantCulture)));
        return RespText.Integer(result);
    }

    /// <summary>HGETALL: field, value, field, value; in insertion order while a listpack, as pairs in any order after.</summary>
    public ExpectedReply HGetAll(string key, long now)
    {
        if (!Collection<HashModel>(key, now, out var hash))
        {
            return WrongType;
        }

        var items = hash?.Pairs.SelectMany(pair => new[] { RespText.Bulk(Encoding.Latin1.GetBytes(pair.Field)), RespText.Bulk(pair.Value) }) ?? [];
        return new ExpectedReply(RespText.Array(items), hash is { IsListpack: false } ? 2 : 0);
    }
}

/// <summary>
/// A hash as Redis 7.0 keeps it: a listpack (insertion order, an update keeps its place, a removal closes the gap)
/// until it has more than 512 fields or a field or value over 64 bytes, then a hashtable for good.
/// </summary>
public sealed class HashModel
{
    private const int MaxListpackEntries = 512;
    private const int MaxListpackValue = 64;

    private readonly List<(string Field, byte[] Value)> _pairs = [];

    public bool IsListpack { get; private set; } = true;

    public int Count => _pairs.Count;

    public IReadOnlyList<(string Field, byte[] Value)> Pairs => _pairs;

    public byte[]? Get(string field) => _pairs.FindIndex(p => p.Field == field) is var at and >= 0 ? _pairs[at].Value : null;

    /// <summary>Sets a field; true when it is new.</summary>
    public bool Set(string field, byte[] value)
    {
        if (field.Length > MaxListpackValue || value.Length > MaxListpackValue)
        {
            IsListpack = false;
        }

        var at = _pairs.FindIndex(p => p.Field == field);
        if (at >= 0)
        {
            _pairs[at] = (field, value);
            return false;
        }

        _pairs.Add((field, value));
        if (_pairs.Count > MaxListpackEntries)
        {
            IsListpack = false;
        }

        return true;
    }

    public bool Remove(string field) => _pairs.RemoveAll(p => p.Field == field) > 0;
}
