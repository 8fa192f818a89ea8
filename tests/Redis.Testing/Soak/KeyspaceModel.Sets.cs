using System.Globalization;
using System.Text;

namespace Redis.Testing.Soak;

/// <summary>The set commands of <see cref="KeyspaceModel"/>.</summary>
public sealed partial class KeyspaceModel
{
    public byte[] SAdd(string key, IEnumerable<string> members, long now)
    {
        if (!Collection<SetModel>(key, now, out var set))
        {
            return WrongType;
        }

        if (set is null)
        {
            set = new SetModel();
            _entries[key] = new Entry(set, null);
        }

        return RespText.Integer(members.Count(set.Add));
    }

    public byte[] SRem(string key, IEnumerable<string> members, long now)
    {
        if (!Collection<SetModel>(key, now, out var set))
        {
            return WrongType;
        }

        if (set is null)
        {
            return RespText.Integer(0);
        }

        var removed = members.Count(set.Members.Remove);
        DeleteIfEmpty(key, set.Members.Count);
        return RespText.Integer(removed);
    }

    public byte[] SCard(string key, long now) =>
        Collection<SetModel>(key, now, out var set) ? RespText.Integer(set?.Members.Count ?? 0) : WrongType;

    public byte[] SIsMember(string key, string member, long now) =>
        Collection<SetModel>(key, now, out var set) ? RespText.Integer(set?.Members.Contains(member) == true ? 1 : 0) : WrongType;

    /// <summary>SMEMBERS: ascending while an intset, in any order after.</summary>
    public ExpectedReply SMembers(string key, long now)
    {
        if (!Collection<SetModel>(key, now, out var set))
        {
            return WrongType;
        }

        var members = set is null ? []
            : set.IsIntset ? set.Members.OrderBy(m => long.Parse(m, CultureInfo.InvariantCulture)).ToList()
            : set.Members.ToList();
        return new ExpectedReply(RespText.Array(members.Select(m => RespText.Bulk(Encoding.Latin1.GetBytes(m)))), set is { IsIntset: false } ? 1 : 0);
    }

    /// <summary>
    /// SINTERSTORE: every source must be a set (a missing one makes the result empty); the destination, whatever it
    /// held, becomes the intersection with no TTL, or is deleted when it is empty. The size of the result.
    /// </summary>
    public byte[] SInterStore(string destination, IReadOnlyList<string> sources, long now)
    {
        var sets = new List<SetModel?>();
        foreach (var source in sources)
        {
            if (!Collection<SetModel>(source, now, out var set))
            {
                return WrongType;
            }

            sets.Add(set);
        }

        var result = new SetModel();
        if (sets.All(s => s is not null))
        {
            foreach (var member in sets[0]!.Members.Where(m => sets.All(s => s!.Members.Contains(m))))
            {
                result.Add(member);
            }
        }

        Store(destination, result, result.Members.Count == 0);
        return RespText.Integer(result.Members.Count);
    }
}

/// <summary>
/// A set as Redis 7.0 keeps it: an intset while every member is a canonical 64-bit integer and there are at most 512
/// (set-max-intset-entries), then a hashtable for good.
/// </summary>
public sealed class SetModel
{
    private const int MaxIntsetEntries = 512;

    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    public bool IsIntset { get; private set; } = true;

    public bool Add(string member)
    {
        if (!Members.Add(member))
        {
            return false;
        }

        if (!IsCanonicalInteger(member) || Members.Count > MaxIntsetEntries)
        {
            IsIntset = false;
        }

        return true;
    }

    private static bool IsCanonicalInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
        && text == value.ToString(CultureInfo.InvariantCulture);
}
