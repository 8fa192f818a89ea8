using Redis.Domain.Keys;
using Redis.Domain.Sets;

namespace Redis.Domain.Tests.Sets;

/// <summary>The set's two encodings, the conversion at Redis's thresholds, random members and the scan guarantee.</summary>
public class SetValueTests
{
    private const long Max = 512;

    private static SetValue Of(long max, params string[] members)
    {
        var set = SetValue.For(System.Text.Encoding.ASCII.GetBytes(members[0]));
        foreach (var member in members)
        {
            set.Add(System.Text.Encoding.ASCII.GetBytes(member), max);
        }

        return set;
    }

    private static List<string> Members(SetValue set)
    {
        var members = new List<string>();
        for (var i = 0; i < set.Count; i++)
        {
            members.Add(System.Text.Encoding.ASCII.GetString(set.MemberAt(i)));
        }

        return members;
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-5", true)]
    [InlineData("9223372036854775807", true)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("007", false)]
    [InlineData("+1", false)]
    [InlineData("-0", false)]
    [InlineData(" 1", false)]
    [InlineData("1 ", false)]
    [InlineData("", false)]
    [InlineData("a", false)]
    public void IntegersAreRedisCanonicalText(string text, bool integer) =>
        Assert.Equal(integer, SetValue.TryParseInteger(System.Text.Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void AnIntsetKeepsItsMembersSortedAndUnique()
    {
        var set = Of(Max, "3", "1", "2", "2", "-7");

        Assert.Equal("intset", set.Encoding);
        Assert.Equal(KeyType.Set, set.Type);
        Assert.Equal(["-7", "1", "2", "3"], Members(set));
        Assert.True(set.Contains("2"u8));
        Assert.False(set.Contains("02"u8));
        Assert.False(set.Add("1"u8, Max));
        Assert.True(set.Remove("1"u8));
        Assert.False(set.Remove("1"u8));
        Assert.False(set.Remove("x"u8));
        Assert.Equal(["-7", "2", "3"], Members(set));
    }

    [Fact]
    public void ANonIntegerMemberConvertsToAHashtableForGood()
    {
        var set = Of(Max, "1", "2");
        Assert.True(set.Add("a"u8, Max));
        Assert.Equal("hashtable", set.Encoding);
        Assert.True(set.Contains("1"u8));
        Assert.True(set.Contains("a"u8));
        Assert.True(set.Remove("a"u8));
        Assert.Equal("hashtable", set.Encoding);
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void AFirstMemberThatIsNoIntegerStartsAHashtable()
    {
        Assert.Equal("hashtable", SetValue.For("a"u8).Encoding);
        Assert.Equal("intset", SetValue.For("12"u8).Encoding);
        Assert.Equal("intset", new SetValue().Encoding);
    }

    [Fact]
    public void AnIntsetConvertsOnlyPastTheThreshold()
    {
        var set = new SetValue();
        for (var i = 0; i < 3; i++)
        {
            set.Add(System.Text.Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 3);
        }

        Assert.Equal("intset", set.Encoding);
        set.Add("3"u8, 3);
        Assert.Equal("hashtable", set.Encoding);
        Assert.Equal(4, set.Count);
        set.Remove("3"u8);
        set.Remove("2"u8);
        Assert.Equal("hashtable", set.Encoding);
    }

    [Fact]
    public void FootprintGrowsWithTheMembers()
    {
        var small = Of(Max, "a");
        var large = Of(Max, "a", "b", "c", "d", "e", "f", "g", "h", "i");
        Assert.True(large.Footprint > small.Footprint);
        Assert.True(Of(Max, "1").Footprint > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PopRandomRemovesWhatItReturns(bool integers)
    {
        var random = new Random(42);
        var all = Enumerable.Range(0, 50).Select(i => integers ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "m" + i).ToArray();
        var set = Of(Max, all);
        var popped = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            popped.Add(System.Text.Encoding.ASCII.GetString(set.PopRandom(random)));
        }

        var many = new List<byte[]>();
        set.PopRandom(35, random, Max, many);
        popped.AddRange(many.Select(m => System.Text.Encoding.ASCII.GetString(m)));

        Assert.Equal(45, popped.Count);
        Assert.Equal(popped.Count, popped.Distinct().Count());
        Assert.Equal(5, set.Count);
        var left = Members(set);
        Assert.Empty(left.Intersect(popped));
        Assert.Equal(all.OrderBy(m => m), left.Concat(popped).OrderBy(m => m));
    }

    [Fact]
    public void PoppingMostOfAHashtableKeepsTheRestInTheEncodingOfTheFirstKept()
    {
        var random = new Random(1);
        for (var round = 0; round < 20; round++)
        {
            // 1 of 6 left: Redis keeps the one left in a new set, an intset when it is an integer.
            var set = Of(Max, "a", "b", "c", "d", "e", "1");
            var popped = new List<byte[]>();
            set.PopRandom(5, random, Max, popped);
            Assert.Equal(5, popped.Count);
            Assert.Equal(1, set.Count);
            Assert.Equal(set.Contains("1"u8) ? "intset" : "hashtable", set.Encoding);
        }
    }

    [Fact]
    public void RandomPositionsCoverTheSet()
    {
        var random = new Random(3);
        var set = Of(Max, "a", "b", "c");
        var seen = new HashSet<int>();
        for (var i = 0; i < 200; i++)
        {
            seen.Add(set.RandomPosition(random));
        }

        Assert.Equal([0, 1, 2], seen.Order());
    }

    [Fact]
    public void AnIntsetScansInOneStep()
    {
        var set = Of(Max, "5", "1", "3");
        var visited = new List<byte[]>();
        Assert.Equal(0, set.Scan(0, 1, visited));
        Assert.Equal(["1", "3", "5"], visited.Select(m => System.Text.Encoding.ASCII.GetString(m)));
    }

    [Fact]
    public void AHashtableScanReturnsEveryMemberPresentThroughoutDespiteRemovals()
    {
        var all = Enumerable.Range(0, 100).Select(i => "m" + i).ToArray();
        var set = Of(Max, all);
        var seen = new HashSet<string>();
        var removed = new HashSet<string>();
        var cursor = 0L;
        var steps = 0;
        do
        {
            var visited = new List<byte[]>();
            cursor = set.Scan(cursor, 7, visited);
            seen.UnionWith(visited.Select(m => System.Text.Encoding.ASCII.GetString(m)));
            var victim = "m" + (steps * 13 % 100);
            if (set.Remove(System.Text.Encoding.ASCII.GetBytes(victim)))
            {
                removed.Add(victim);
            }

            steps++;
        }
        while (cursor != 0);

        Assert.True(steps < 40);
        foreach (var member in all.Where(m => !removed.Contains(m)))
        {
            Assert.Contains(member, seen);
        }
    }
}
