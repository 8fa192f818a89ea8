using Redis.Domain.Keys;

namespace Redis.Domain.Tests.Keys;

public class EntryTests
{
    private const long ExpiresAt = 1_700_000_000_000;

    [Theory]
    [InlineData(ExpiresAt - 1, false)]
    [InlineData(ExpiresAt, false)]
    [InlineData(ExpiresAt + 1, true)]
    public void IsExpiredOnlyOnceNowHasPassedTheExpiryInstant(long now, bool expected)
    {
        var entry = new Entry("v"u8.ToArray(), ExpiresAt);

        Assert.Equal(expected, entry.IsExpiredAt(now));
    }

    [Fact]
    public void NeverExpiresGivenNoExpiry()
    {
        var entry = new Entry("v"u8.ToArray(), Entry.NoExpiry);

        Assert.False(entry.HasExpiry);
        Assert.False(entry.IsExpiredAt(long.MaxValue));
    }

    [Theory]
    [InlineData(ExpiresAt - 1500, 1500)]
    [InlineData(ExpiresAt, 0)]
    [InlineData(ExpiresAt + 10, 0)]
    public void ReportsRemainingMillisecondsNeverBelowZero(long now, long expected)
    {
        var entry = new Entry("v"u8.ToArray(), ExpiresAt);

        Assert.True(entry.HasExpiry);
        Assert.Equal(expected, entry.RemainingMilliseconds(now));
    }
}
