using System.Text;
using Redis.Application.Commands.ZRandMember;
using Redis.Domain.SortedSets;

namespace Redis.Application.Tests.Commands.ZRandMember;

/// <summary>ZRANDMEMBER's count rules as properties, with a seeded random source.</summary>
public class ZRandMemberPickTests
{
    private static SortedSetValue Set(int size, long maxEntries = 128)
    {
        var set = new SortedSetValue();
        for (var i = 0; i < size; i++)
        {
            set.Add(Encoding.ASCII.GetBytes($"m{i}"), i, ZAddOptions.None, maxEntries, 64, out _);
        }

        return set;
    }

    [Theory]
    [InlineData(10, 3, 128)]
    [InlineData(10, 7, 128)]
    [InlineData(300, 20, 128)]
    [InlineData(300, 250, 128)]
    [InlineData(10, 4, 0)]
    public void APositiveCountAnswersDistinctMembersOfTheSet(int size, long count, long maxEntries)
    {
        var set = Set(size, maxEntries);
        var random = new Random(11);
        for (var round = 0; round < 20; round++)
        {
            var picks = ZRandMemberCommandHandler.Pick(set, count, random);
            Assert.Equal(count, picks.Length);
            Assert.Equal(count, picks.Select(p => Encoding.ASCII.GetString(p.Member)).Distinct().Count());
            Assert.All(picks, p => Assert.True(set.TryGetScore(p.Member, out var score) && score == p.Score));
        }
    }

    [Fact]
    public void ANegativeCountMayRepeatAndCoversTheSet()
    {
        var set = Set(5);
        var picks = ZRandMemberCommandHandler.Pick(set, -500, new Random(3));
        Assert.Equal(500, picks.Length);
        Assert.Equal(5, picks.Select(p => Encoding.ASCII.GetString(p.Member)).Distinct().Count());
    }

    [Fact]
    public void ACountAtLeastTheSizeAnswersTheWholeSetHighestFirst()
    {
        var set = Set(4);
        var picks = ZRandMemberCommandHandler.Pick(set, 10, new Random(5));
        Assert.Equal(["m3", "m2", "m1", "m0"], picks.Select(p => Encoding.ASCII.GetString(p.Member)));
    }
}
