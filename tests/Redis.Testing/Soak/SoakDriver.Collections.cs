using System.Globalization;

namespace Redis.Testing.Soak;

/// <summary>
/// The hash, list, set, sorted-set, bitmap and cross-type commands of <see cref="SoakDriver"/>. Each family works
/// mostly on keys of its own prefix, and sometimes on any key, so that WRONGTYPE is met; one add in twenty-five is a
/// big one, so that collections grow past Redis's small encodings (512 hash fields, 512 intset members, 128
/// sorted-set members) and are converted.
/// </summary>
public sealed partial class SoakDriver
{
    private static readonly string[] Families = ["hash:", "list:", "set:", "zset:", "bits:"];

    /// <summary>Scores as ZADD and ZINCRBY receive them: integers, fractions that need 17 digits, exponents, infinities, and a few that are not floats.</summary>
    private static readonly string[] ScoreTexts =
        ["0", "1", "-1", "2", "3", "10", "-7", "1.5", "0.1", "-2.25", "3.0", "1e20", "1e-5", "123456789012345678", "inf", "-inf", "+inf"];

    private static readonly string[] NotFloats = ["abc", "", "1x", "nan", " 1", "1e400"];

    /// <summary>Score bounds for ZRANGE BYSCORE: inclusive, exclusive, infinite, and one that is not a float.</summary>
    private static readonly string[] Bounds = ["-inf", "+inf", "0", "1", "(1", "2", "(2.5", "10", "(10", "-1", "1e20", "(abc"];

    /// <summary>A key of the family's prefix (a quarter of the pool each), or one time in eight any key.</summary>
    private byte[] FamilyKey(string prefix) =>
        _random.Next(8) == 0 ? Key() : B(prefix + _random.Next(Math.Max(1, options.Keys / 4)).ToString(CultureInfo.InvariantCulture));

    /// <summary>How many elements an add brings: mostly one to three, one time in twenty-five up to <paramref name="big"/>.</summary>
    private int AddCount(int big) => _random.Next(25) == 0 ? _random.Next(big / 4, big + 1) : _random.Next(1, 4);

    /// <summary>A field or member: mostly from a small pool, so that commands meet; from a wide one in big adds.</summary>
    private string Member(bool wide = false) => (wide || _random.Next(10) == 0 ? _random.Next(5000) : _random.Next(20)) switch
    {
        var n when _random.Next(3) == 0 => "m" + n.ToString(CultureInfo.InvariantCulture),
        var n => n.ToString(CultureInfo.InvariantCulture),
    };

    private (byte[][] Words, ExpectedReply Expected) HashCommand(long now)
    {
        var key = FamilyKey("hash:");
        var name = Name(key);
        switch (_random.Next(100))
        {
            case < 30:
                var count = AddCount(700);
                var pairs = Enumerable.Range(0, count).Select(_ => (Member(wide: count > 3), Value(small: _random.Next(20) != 0))).ToList();
                return (W("HSET", [key, .. pairs.SelectMany(p => new[] { B(p.Item1), p.Item2 })]), _model.HSet(name, pairs, now));
            case < 42:
                var fields = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Member()).ToList();
                return (W("HDEL", [key, .. fields.Select(B)]), _model.HDel(name, fields, now));
            case < 62:
                var field = Member();
                return (W("HGET", key, B(field)), _model.HGet(name, field, now));
            case < 70:
                return (W("HLEN", key), _model.HLen(name, now));
            case < 85:
                var incremented = Member();
                var amount = _random.Next(10) == 0 ? _random.NextInt64(long.MinValue + 1, long.MaxValue) : _random.Next(-100, 101);
                return (W("HINCRBY", key, B(incremented), B(amount)), _model.HIncrBy(name, incremented, amount, now));
            default:
                return (W("HGETALL", key), _model.HGetAll(name, now));
        }
    }

    private (byte[][] Words, ExpectedReply Expected) ListCommand(long now)
    {
        var key = FamilyKey("list:");
        var name = Name(key);
        var left = _random.Next(2) == 0;
        switch (_random.Next(100))
        {
            case < 30:
                var elements = Enumerable.Range(0, AddCount(300)).Select(_ => _random.Next(3) == 0 ? B(Member()) : Value(small: true)).ToList();
                return (W(left ? "LPUSH" : "RPUSH", [key, .. elements]), _model.Push(name, left, elements, now));
            case < 45:
                long? count = _random.Next(3) == 0 ? _random.Next(-1, 6) : null;
                var words = W(left ? "LPOP" : "RPOP", key);
                return (count is { } c ? [.. words, B(c)] : words, _model.Pop(name, left, count, now));
            case < 52:
                return (W("LLEN", key), _model.LLen(name, now));
            case < 67:
                var (start, stop) = _random.Next(4) == 0 ? (0, -1) : (_random.Next(-20, 20), _random.Next(-20, 20));
                return (W("LRANGE", key, B(start), B(stop)), _model.LRange(name, start, stop, now));
            case < 77:
                var index = _random.Next(-10, 10);
                return (W("LINDEX", key, B(index)), _model.LIndex(name, index, now));
            case < 87:
                var removed = B(Member());
                var howMany = _random.Next(-3, 4);
                return (W("LREM", key, B(howMany), removed), _model.LRem(name, howMany, removed, now));
            default:
                var destination = _random.Next(4) == 0 ? key : FamilyKey("list:");
                var toLeft = _random.Next(2) == 0;
                return (
                    W("LMOVE", key, destination, B(left ? "LEFT" : "RIGHT"), B(toLeft ? "LEFT" : "RIGHT")),
                    _model.LMove(name, Name(destination), left, toLeft, now));
        }
    }

    private (byte[][] Words, ExpectedReply Expected) SetCommand(long now)
    {
        var key = FamilyKey("set:");
        var name = Name(key);
        switch (_random.Next(100))
        {
            case < 30:
                var count = AddCount(700);
                // Integers keep an intset; one add in eight brings a word and makes a hashtable.
                var words = _random.Next(8) != 0;
                var members = Enumerable.Range(0, count)
                    .Select(_ => words ? _random.Next(count > 3 ? 5000 : 30).ToString(CultureInfo.InvariantCulture) : Member(wide: count > 3))
                    .ToList();
                return (W("SADD", [key, .. members.Select(B)]), _model.SAdd(name, members, now));
            case < 45:
                var removed = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Member()).ToList();
                return (W("SREM", [key, .. removed.Select(B)]), _model.SRem(name, removed, now));
            case < 55:
                return (W("SCARD", key), _model.SCard(name, now));
            case < 72:
                var member = Member();
                return (W("SISMEMBER", key, B(member)), _model.SIsMember(name, member, now));
            case < 90:
                return (W("SMEMBERS", key), _model.SMembers(name, now));
            default:
                var sources = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => FamilyKey("set:")).ToList();
                return (W("SINTERSTORE", [key, .. sources]), _model.SInterStore(name, [.. sources.Select(Name)], now));
        }
    }

    private (byte[][] Words, ExpectedReply Expected) SortedSetCommand(long now)
    {
        var key = FamilyKey("zset:");
        var name = Name(key);
        switch (_random.Next(100))
        {
            case < 28:
                return ZAdd(key, now);
            case < 36:
                var increment = Score();
                var incremented = Member();
                return (W("ZINCRBY", key, B(increment), B(incremented)), _model.ZIncrBy(name, increment, incremented, now));
            case < 44:
                var removed = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Member()).ToList();
                return (W("ZREM", [key, .. removed.Select(B)]), _model.ZRem(name, removed, now));
            case < 50:
                return (W("ZCARD", key), _model.ZCard(name, now));
            case < 60:
                var scored = Member();
                return (W("ZSCORE", key, B(scored)), _model.ZScore(name, scored, now));
            case < 68:
                var ranked = Member();
                return (W("ZRANK", key, B(ranked)), _model.ZRank(name, ranked, now));
            case < 80:
                var (start, stop) = _random.Next(4) == 0 ? (0, -1) : (_random.Next(-20, 20), _random.Next(-20, 20));
                var withScores = _random.Next(2) == 0;
                var byRank = W("ZRANGE", key, B(start), B(stop));
                return (withScores ? [.. byRank, B("WITHSCORES")] : byRank, _model.ZRangeByRank(name, start, stop, withScores, now));
            case < 92:
                return ZRangeByScore(key, now);
            default:
                long? count = _random.Next(2) == 0 ? _random.Next(-1, 5) : null;
                var words = W("ZPOPMIN", key);
                return (count is { } c ? [.. words, B(c)] : words, _model.ZPopMin(name, count, now));
        }
    }

    private (byte[][] Words, ExpectedReply Expected) ZAdd(byte[] key, long now)
    {
        var words = new List<byte[]> { B("ZADD"), key };
        var flags = ZAddFlags.None;
        if (_random.Next(2) == 0)
        {
            // Options in a random order, now and then a combination Redis refuses.
            foreach (var (flag, text) in new[] { (ZAddFlags.Nx, "NX"), (ZAddFlags.Xx, "XX"), (ZAddFlags.Gt, "GT"), (ZAddFlags.Lt, "LT"), (ZAddFlags.Ch, "CH"), (ZAddFlags.Incr, "INCR") })
            {
                if (_random.Next(flag == ZAddFlags.Ch ? 3 : 7) == 0)
                {
                    flags |= flag;
                    words.Add(B(_random.Next(2) == 0 ? text : text.ToLowerInvariant()));
                }
            }
        }

        var count = flags.HasFlag(ZAddFlags.Incr) && _random.Next(10) != 0 ? 1 : AddCount(300);
        var pairs = Enumerable.Range(0, count).Select(_ => (Score(), Member(wide: count > 3))).ToList();
        words.AddRange(pairs.SelectMany(p => new[] { B(p.Item1), B(p.Item2) }));
        return ([.. words], _model.ZAdd(Name(key), flags, pairs, now));
    }

    private (byte[][] Words, ExpectedReply Expected) ZRangeByScore(byte[] key, long now)
    {
        var min = Bounds[_random.Next(Bounds.Length)];
        var max = Bounds[_random.Next(Bounds.Length)];
        var words = new List<byte[]> { B("ZRANGE"), key, B(min), B(max), B("BYSCORE") };
        (long, long)? limit = null;
        if (_random.Next(3) == 0)
        {
            limit = (_random.Next(-1, 5), _random.Next(-1, 5));
            words.AddRange([B("LIMIT"), B(limit.Value.Item1), B(limit.Value.Item2)]);
        }

        var withScores = _random.Next(2) == 0;
        if (withScores)
        {
            words.Add(B("WITHSCORES"));
        }

        return ([.. words], _model.ZRangeByScore(Name(key), min, max, limit, withScores, now));
    }

    private string Score() => _random.Next(40) == 0 ? NotFloats[_random.Next(NotFloats.Length)]
        : _random.Next(3) == 0 ? ScoreTexts[_random.Next(ScoreTexts.Length)]
        : _random.Next(-50, 50).ToString(CultureInfo.InvariantCulture);

    private (byte[][] Words, ExpectedReply Expected) BitmapCommand(long now)
    {
        var key = FamilyKey("bits:");
        var name = Name(key);
        // Mostly within the first few hundred bytes; sometimes far out, or out of range.
        var offset = _random.Next(50) switch
        {
            0 => _random.Next(2) == 0 ? -1 : 4294967296,
            1 => _random.Next(100_000, 1_000_000),
            _ => _random.Next(0, 2048),
        };
        switch (_random.Next(100))
        {
            case < 45:
                var bit = _random.Next(40) == 0 ? 2 : _random.Next(2);
                return (W("SETBIT", key, B(offset), B(bit)), _model.SetBit(name, offset, bit, now));
            case < 75:
                return (W("GETBIT", key, B(offset)), _model.GetBit(name, offset, now));
            default:
                if (_random.Next(3) == 0)
                {
                    return (W("BITCOUNT", key), _model.BitCount(name, null, now));
                }

                var (start, end, bits) = (_random.Next(-300, 300), _random.Next(-300, 300), _random.Next(3));
                var words = W("BITCOUNT", key, B(start), B(end));
                return (
                    bits == 0 ? words : [.. words, B(bits == 1 ? "BIT" : "BYTE")],
                    _model.BitCount(name, (start, end, bits == 1), now));
        }
    }

    /// <summary>TYPE and RENAME, across every family.</summary>
    private (byte[][] Words, ExpectedReply Expected) KeyspaceCommand(long now)
    {
        var key = Key();
        if (_random.Next(2) == 0)
        {
            return (W("TYPE", key), _model.Type(Name(key), now));
        }

        var destination = _random.Next(5) == 0 ? key : Key();
        return (W("RENAME", key, destination), _model.Rename(Name(key), Name(destination), now));
    }
}
