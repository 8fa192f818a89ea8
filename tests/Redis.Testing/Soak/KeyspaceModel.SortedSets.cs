using System.Globalization;
using System.Text;
using Redis.Protocol;

namespace Redis.Testing.Soak;

/// <summary>The sorted-set commands of <see cref="KeyspaceModel"/>; scores are printed as Redis 7.0 prints a double.</summary>
public sealed partial class KeyspaceModel
{
    private static readonly byte[] NotAFloat = RespText.Error("ERR value is not a valid float");

    /// <summary>ZADD with NX, XX, GT, LT, CH and INCR, its option errors first, then every score, then the type.</summary>
    public byte[] ZAdd(string key, ZAddFlags flags, IReadOnlyList<(string Score, string Member)> pairs, long now)
    {
        var nx = flags.HasFlag(ZAddFlags.Nx);
        var xx = flags.HasFlag(ZAddFlags.Xx);
        var gt = flags.HasFlag(ZAddFlags.Gt);
        var lt = flags.HasFlag(ZAddFlags.Lt);
        var incr = flags.HasFlag(ZAddFlags.Incr);
        if (nx && xx)
        {
            return RespText.Error("ERR XX and NX options at the same time are not compatible");
        }

        if ((gt && nx) || (lt && nx) || (gt && lt))
        {
            return RespText.Error("ERR GT, LT, and/or NX options at the same time are not compatible");
        }

        if (incr && pairs.Count > 1)
        {
            return RespText.Error("ERR INCR option supports a single increment-element pair");
        }

        var scores = new List<double>();
        foreach (var (text, _) in pairs)
        {
            if (!TryParseScore(text, out var score))
            {
                return NotAFloat;
            }

            scores.Add(score);
        }

        if (!Collection<SortedSetModel>(key, now, out var zset))
        {
            return WrongType;
        }

        var created = zset is null;
        zset ??= new SortedSetModel();
        long added = 0, changed = 0;
        double? incremented = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            var member = pairs[i].Member;
            var score = scores[i];
            if (zset.Scores.TryGetValue(member, out var current))
            {
                if (nx)
                {
                    continue;
                }

                if (incr)
                {
                    score += current;
                    if (double.IsNaN(score))
                    {
                        return RespText.Error("ERR resulting score is not a number (NaN)");
                    }
                }

                if ((lt && score >= current) || (gt && score <= current))
                {
                    continue;
                }

                incremented = score;
                if (score != current)
                {
                    zset.Scores[member] = score;
                    changed++;
                }
            }
            else if (!xx)
            {
                zset.Scores[member] = score;
                incremented = score;
                added++;
            }
        }

        if (created && zset.Scores.Count > 0)
        {
            _entries[key] = new Entry(zset, null);
        }

        if (incr)
        {
            return incremented is { } result ? Score(result) : RespText.Nil;
        }

        return RespText.Integer(flags.HasFlag(ZAddFlags.Ch) ? added + changed : added);
    }

    public byte[] ZIncrBy(string key, string increment, string member, long now) =>
        ZAdd(key, ZAddFlags.Incr, [(increment, member)], now);

    public byte[] ZRem(string key, IEnumerable<string> members, long now)
    {
        if (!Collection<SortedSetModel>(key, now, out var zset))
        {
            return WrongType;
        }

        if (zset is null)
        {
            return RespText.Integer(0);
        }

        var removed = members.Count(zset.Scores.Remove);
        DeleteIfEmpty(key, zset.Scores.Count);
        return RespText.Integer(removed);
    }

    public byte[] ZCard(string key, long now) =>
        Collection<SortedSetModel>(key, now, out var zset) ? RespText.Integer(zset?.Scores.Count ?? 0) : WrongType;

    public byte[] ZScore(string key, string member, long now) =>
        !Collection<SortedSetModel>(key, now, out var zset) ? WrongType
        : zset is not null && zset.Scores.TryGetValue(member, out var score) ? Score(score)
        : RespText.Nil;

    public byte[] ZRank(string key, string member, long now)
    {
        if (!Collection<SortedSetModel>(key, now, out var zset))
        {
            return WrongType;
        }

        var rank = zset?.Ordered().FindIndex(e => e.Member == member) ?? -1;
        return rank >= 0 ? RespText.Integer(rank) : RespText.Nil;
    }

    /// <summary>ZRANGE key start stop [WITHSCORES]: by rank, as LRANGE counts.</summary>
    public byte[] ZRangeByRank(string key, long start, long stop, bool withScores, long now)
    {
        if (!Collection<SortedSetModel>(key, now, out var zset))
        {
            return WrongType;
        }

        var ordered = zset?.Ordered() ?? [];
        var (from, to) = ClampRange(start, stop, ordered.Count);
        return Entries(from > to ? [] : ordered[(int)from..(int)(to + 1)], withScores);
    }

    /// <summary>ZRANGE key min max BYSCORE [LIMIT offset count] [WITHSCORES]; bounds are scores, <c>(</c> for exclusive.</summary>
    public byte[] ZRangeByScore(string key, string min, string max, (long Offset, long Count)? limit, bool withScores, long now)
    {
        if (!TryParseBound(min, out var low, out var lowExclusive) || !TryParseBound(max, out var high, out var highExclusive))
        {
            return RespText.Error("ERR min or max is not a float");
        }

        if (!Collection<SortedSetModel>(key, now, out var zset))
        {
            return WrongType;
        }

        var matching = (zset?.Ordered() ?? []).Where(e =>
            (lowExclusive ? e.Score > low : e.Score >= low) && (highExclusive ? e.Score < high : e.Score <= high));
        if (limit is { } l)
        {
            matching = l.Offset < 0 ? [] : matching.Skip((int)Math.Min(l.Offset, int.MaxValue));
            if (l.Count >= 0)
            {
                matching = matching.Take((int)Math.Min(l.Count, int.MaxValue));
            }
        }

        return Entries([.. matching], withScores);
    }

    /// <summary>ZPOPMIN key [count]: member, score pairs from the lowest; an empty array for a missing key.</summary>
    public byte[] ZPopMin(string key, long? count, long now)
    {
        if (count is < 0)
        {
            return RespText.Error("ERR value is out of range, must be positive");
        }

        if (!Collection<SortedSetModel>(key, now, out var zset))
        {
            return WrongType;
        }

        if (zset is null)
        {
            return RespText.Array([]);
        }

        var popped = zset.Ordered().Take((int)Math.Min(count ?? 1, int.MaxValue)).ToList();
        foreach (var (member, _) in popped)
        {
            zset.Scores.Remove(member);
        }

        DeleteIfEmpty(key, zset.Scores.Count);
        return Entries(popped, withScores: true);
    }

    private static byte[] Entries(List<(string Member, double Score)> entries, bool withScores) =>
        RespText.Array(entries.SelectMany(e => withScores
            ? new[] { RespText.Bulk(Encoding.Latin1.GetBytes(e.Member)), Score(e.Score) }
            : [RespText.Bulk(Encoding.Latin1.GetBytes(e.Member))]));

    private static byte[] Score(double score) => RespText.Bulk(Encoding.ASCII.GetBytes(RedisDouble.Format(score)));

    /// <summary>strtod as Redis's <c>getDoubleFromObject</c> takes it: no spaces around, no NaN; inf and -inf allowed.</summary>
    private static bool TryParseScore(string text, out double score)
    {
        score = 0;
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        if (lower is "inf" or "+inf" or "infinity" or "+infinity")
        {
            score = double.PositiveInfinity;
            return true;
        }

        if (lower is "-inf" or "-infinity")
        {
            score = double.NegativeInfinity;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out score) && !double.IsNaN(score) && !double.IsInfinity(score);
    }

    private static bool TryParseBound(string text, out double value, out bool exclusive)
    {
        exclusive = text.StartsWith('(');
        return TryParseScore(exclusive ? text[1..] : text, out value);
    }
}

/// <summary>ZADD's flags.</summary>
[Flags]
public enum ZAddFlags
{
    None = 0,
    Nx = 1,
    Xx = 2,
    Gt = 4,
    Lt = 8,
    Ch = 16,
    Incr = 32,
}

/// <summary>A sorted set: member to score, ordered by score, then by member bytes.</summary>
public sealed class SortedSetModel
{
    public Dictionary<string, double> Scores { get; } = new(StringComparer.Ordinal);

    public List<(string Member, double Score)> Ordered() =>
        [.. Scores.Select(p => (p.Key, p.Value)).OrderBy(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)];
}
