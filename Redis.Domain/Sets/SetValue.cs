using System.Buffers.Text;
using Redis.Domain.Keys;

namespace Redis.Domain.Sets;

/// <summary>
/// A set, in Redis 7.0's two encodings: an <c>intset</c> (a sorted array of longs) while every member is an integer
/// and there are at most <c>set-max-intset-entries</c> of them, then a <c>hashtable</c>, for good.
/// </summary>
/// <remarks>
/// <para>
/// The hashtable is a dictionary from member to its position in a dense array of members, so membership is O(1), a
/// random member is O(1) (SPOP, SRANDMEMBER) and SSCAN walks positions as the keyspace's SCAN does (ADR 0013):
/// removing a member moves the last one into its place, from above a scan's cursor to below it.
/// </para>
/// <para>
/// Members are immutable arrays, so a reply may hold one while the command goes on; an intset's members are
/// formatted into new arrays when handed out. Positions (<see cref="MemberAt"/>) are the iteration order: ascending
/// for an intset, as Redis's, and the dense array's for a hashtable.
/// </para>
/// </remarks>
public sealed class SetValue : TypedValue
{
    /// <summary>Redis caps <c>set-max-intset-entries</c> at 2^30 (the intset's own limit).</summary>
    public const long IntsetEntriesCap = 1 << 30;

    /// <summary>The room a new array starts with.</summary>
    private const int InitialCapacity = 4;

    /// <summary>The bytes a dictionary entry costs (hash, next, key reference, value), and its bucket.</summary>
    private const int DictionaryEntryBytes = 24 + sizeof(int);

    private long[] _integers = [];
    private Dictionary<byte[], int>? _positions;
    private byte[][] _members = [];
    private int _count;

    /// <summary>An empty set, encoded as an intset (Redis's <c>createIntsetObject</c>): the STORE commands' result.</summary>
    public SetValue()
    {
    }

    /// <summary>An empty set in the encoding Redis's <c>setTypeCreate</c> picks for a first member: intset when it is an integer.</summary>
    public static SetValue For(ReadOnlySpan<byte> firstMember)
    {
        var set = new SetValue();
        if (!TryParseInteger(firstMember, out _))
        {
            set.ConvertToHashtable(InitialCapacity);
        }

        return set;
    }

    public override KeyType Type => KeyType.Set;

    public override string Encoding => IsIntset ? "intset" : "hashtable";

    public override long Count => _count;

    public override TypedValue Copy()
    {
        var copy = (SetValue)MemberwiseClone();
        copy.Key = [];
        copy._integers = (long[])_integers.Clone();
        copy._members = (byte[][])_members.Clone();
        copy._positions = _positions is null ? null : new Dictionary<byte[], int>(_positions, ByteKeyComparer.Instance);
        return copy;
    }

    protected override bool FootprintIsConstantTime => IsIntset;

    /// <summary>True while the members are kept as a sorted array of integers.</summary>
    public bool IsIntset => _positions is null;

    public override long Footprint
    {
        get
        {
            const long objectBytes = 56;
            if (IsIntset)
            {
                return objectBytes + KeyFootprint.ArrayHeader + (8L * _integers.Length);
            }

            var bytes = objectBytes + KeyFootprint.ArrayHeader + (8L * _members.Length) + 80 + (DictionaryEntryBytes * (long)_positions!.EnsureCapacity(0));
            for (var i = 0; i < _count; i++)
            {
                bytes += KeyFootprint.ArrayHeader + ((_members[i].Length + 7L) & ~7L);
            }

            return bytes;
        }
    }

    /// <summary>
    /// Redis's <c>string2ll</c> test for an intset member: the canonical decimal text of a long only ("007", "+1",
    /// "-0" and " 1" are not integers).
    /// </summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 20 || !Utf8Parser.TryParse(text, out value, out var consumed) || consumed != text.Length)
        {
            return false;
        }

        Span<byte> canonical = stackalloc byte[20];
        return Utf8Formatter.TryFormat(value, canonical, out var written) && canonical[..written].SequenceEqual(text);
    }

    /// <summary>Adds a member (Redis's <c>setTypeAdd</c>), converting to a hashtable for a non-integer or when the intset outgrows <paramref name="maxIntsetEntries"/>.</summary>
    /// <returns>True when the member was not there.</returns>
    public bool Add(ReadOnlySpan<byte> member, long maxIntsetEntries)
    {
        if (IsIntset)
        {
            if (!TryParseInteger(member, out var integer))
            {
                ConvertToHashtable(_count + 1);
                AddToHashtable(member);
                return true;
            }

            var position = BinarySearch(integer);
            if (position >= 0)
            {
                return false;
            }

            InsertInteger(~position, integer);
            if (_count > Math.Min(maxIntsetEntries, IntsetEntriesCap))
            {
                ConvertToHashtable(_count);
            }

            return true;
        }

        return AddToHashtable(member);
    }

    /// <summary>Removes a member; true when it was there.</summary>
    public bool Remove(ReadOnlySpan<byte> member)
    {
        if (IsIntset)
        {
            if (!TryParseInteger(member, out var integer))
            {
                return false;
            }

            var position = BinarySearch(integer);
            if (position < 0)
            {
                return false;
            }

            RemoveAt(position);
            return true;
        }

        var lookup = _positions!.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!lookup.Remove(member, out _, out var at))
        {
            return false;
        }

        RemoveFromDense(at);
        return true;
    }

    /// <summary>Whether <paramref name="member"/> is in the set.</summary>
    public bool Contains(ReadOnlySpan<byte> member)
    {
        if (IsIntset)
        {
            return TryParseInteger(member, out var integer) && BinarySearch(integer) >= 0;
        }

        return _positions!.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(member);
    }

    /// <summary>Whether the member whose text is <paramref name="integer"/>'s is in the set, without formatting it for an intset.</summary>
    public bool ContainsInteger(long integer)
    {
        if (IsIntset)
        {
            return BinarySearch(integer) >= 0;
        }

        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(integer, text, out var written);
        return Contains(text[..written]);
    }

    /// <summary>The member at <paramref name="position"/> (0 to <see cref="Count"/> - 1) in iteration order; an intset's is a new array.</summary>
    public byte[] MemberAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)_count, nameof(position));
        return IsIntset ? Format(_integers[position]) : _members[position];
    }

    /// <summary>The integer at <paramref name="position"/> of an intset.</summary>
    public long IntegerAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)_count, nameof(position));
        return IsIntset ? _integers[position] : throw new InvalidOperationException("not an intset");
    }

    /// <summary>Whether the member at <paramref name="position"/> is in <paramref name="other"/>.</summary>
    public bool MemberAtIsIn(int position, SetValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IsIntset ? other.ContainsInteger(_integers[position]) : other.Contains(_members[position]);
    }

    /// <summary>Adds the member at <paramref name="position"/> to <paramref name="destination"/>.</summary>
    public bool AddMemberAtTo(int position, SetValue destination, long maxIntsetEntries)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (IsIntset)
        {
            Span<byte> text = stackalloc byte[20];
            Utf8Formatter.TryFormat(_integers[position], text, out var written);
            return destination.Add(text[..written], maxIntsetEntries);
        }

        return destination.AddShared(_members[position], maxIntsetEntries);
    }

    /// <summary>A random member's position, uniformly.</summary>
    public int RandomPosition(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(_count);
    }

    /// <summary>Removes and returns a random member (SPOP).</summary>
    public byte[] PopRandom(Random random)
    {
        var position = RandomPosition(random);
        var member = MemberAt(position);
        if (IsIntset)
        {
            RemoveAt(position);
        }
        else
        {
            _positions!.Remove(member);
            RemoveFromDense(position);
        }

        return member;
    }

    /// <summary>
    /// Removes <paramref name="count"/> random members, fewer than <see cref="Count"/>, into <paramref name="popped"/>,
    /// as Redis's <c>spopWithCountCommand</c>: one at a time when many stay, otherwise by keeping the members that
    /// stay in a new set, in the encoding <c>setTypeCreate</c> picks for the first of them.
    /// </summary>
    public void PopRandom(int count, Random random, long maxIntsetEntries, List<byte[]> popped)
    {
        ArgumentNullException.ThrowIfNull(popped);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(count, _count);
        var remaining = _count - count;
        if ((long)remaining * 5 > count)
        {
            for (var i = 0; i < count; i++)
            {
                popped.Add(PopRandom(random));
            }

            return;
        }

        SetValue? kept = null;
        for (var i = 0; i < remaining; i++)
        {
            var member = PopRandom(random);
            kept ??= For(member);
            kept.AddShared(member, maxIntsetEntries);
        }

        for (var i = 0; i < _count; i++)
        {
            popped.Add(MemberAt(i));
        }

        (_integers, _positions, _members, _count) = (kept!._integers, kept._positions, kept._members, kept._count);
    }

    /// <summary>
    /// One step of SSCAN from <paramref name="cursor"/> (0 to start): an intset answers every member at once; a
    /// hashtable visits <paramref name="count"/> positions downwards from the cursor (see the remarks on the type).
    /// </summary>
    /// <returns>The cursor to continue with, 0 when the iteration is done.</returns>
    public long Scan(long cursor, int count, List<byte[]> visited)
    {
        ArgumentNullException.ThrowIfNull(visited);
        if (IsIntset)
        {
            for (var i = 0; i < _count; i++)
            {
                visited.Add(Format(_integers[i]));
            }

            return 0;
        }

        var top = cursor <= 0 || cursor > _count ? _count : (int)cursor;
        var bottom = Math.Max(0, top - Math.Max(1, count));
        for (var i = top - 1; i >= bottom; i--)
        {
            visited.Add(_members[i]);
        }

        return bottom;
    }

    private static byte[] Format(long integer)
    {
        Span<byte> text = stackalloc byte[20];
        Utf8Formatter.TryFormat(integer, text, out var written);
        return text[..written].ToArray();
    }

    private bool AddShared(byte[] member, long maxIntsetEntries)
    {
        if (IsIntset)
        {
            return Add(member, maxIntsetEntries);
        }

        if (!_positions!.TryAdd(member, _count))
        {
            return false;
        }

        AppendDense(member);
        return true;
    }

    private bool AddToHashtable(ReadOnlySpan<byte> member)
    {
        var lookup = _positions!.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.ContainsKey(member))
        {
            return false;
        }

        var stored = member.ToArray();
        _positions.Add(stored, _count);
        AppendDense(stored);
        return true;
    }

    private void AppendDense(byte[] member)
    {
        if (_count == _members.Length)
        {
            Array.Resize(ref _members, Math.Max(InitialCapacity, _members.Length * 2));
        }

        _members[_count++] = member;
    }

    private void RemoveFromDense(int position)
    {
        var last = --_count;
        if (position != last)
        {
            var moved = _members[last];
            _members[position] = moved;
            _positions![moved] = position;
        }

        _members[last] = null!;
        if (_members.Length > 64 && _count < _members.Length / 4)
        {
            Array.Resize(ref _members, _members.Length / 2);
            _positions!.TrimExcess();
        }
    }

    private int BinarySearch(long integer) => Array.BinarySearch(_integers, 0, _count, integer);

    private void InsertInteger(int position, long integer)
    {
        // An intset grows by an eighth (at least one): little room is left unused, as Redis resizes its intset to
        // the exact length, and growth stays geometric for a large set-max-intset-entries.
        if (_count == _integers.Length)
        {
            Array.Resize(ref _integers, Math.Max(InitialCapacity, _integers.Length + Math.Max(1, _integers.Length / 8)));
        }

        Array.Copy(_integers, position, _integers, position + 1, _count - position);
        _integers[position] = integer;
        _count++;
    }

    private void RemoveAt(int position)
    {
        _count--;
        Array.Copy(_integers, position + 1, _integers, position, _count - position);
        if (_integers.Length > 16 && _count < _integers.Length / 4)
        {
            Array.Resize(ref _integers, _integers.Length / 2);
        }
    }

    private void ConvertToHashtable(int capacity)
    {
        var members = new byte[Math.Max(InitialCapacity, capacity)][];
        var positions = new Dictionary<byte[], int>(members.Length, ByteKeyComparer.Instance);
        for (var i = 0; i < _count; i++)
        {
            members[i] = Format(_integers[i]);
            positions.Add(members[i], i);
        }

        (_members, _positions, _integers) = (members, positions, []);
    }
}
