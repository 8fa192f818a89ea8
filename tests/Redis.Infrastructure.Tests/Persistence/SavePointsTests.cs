using Redis.Infrastructure.Persistence;

namespace Redis.Infrastructure.Tests.Persistence;

/// <summary>The <c>save</c> setting as Redis 7.0's <c>setConfigSaveOption</c> reads it, and the save points' test.</summary>
public class SavePointsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("3600 1 300 100 60 10000", "3600 1 300 100 60 10000")]
    [InlineData("+5 +2", "5 2")]
    [InlineData("60 ", "60 0")]
    [InlineData("1 0", "1 0")]
    public void ReadsPairsOfSecondsAndChanges(string text, string shown)
    {
        Assert.True(SavePoints.TryParse(text, out var points));
        Assert.Equal(shown, points.ToString());
        Assert.Equal(shown.Length != 0, points.Any);
    }

    [Theory]
    [InlineData("1 2 3")]
    [InlineData("0 1")]
    [InlineData("1 -1")]
    [InlineData("a 1")]
    [InlineData("1 1x")]
    [InlineData("  60   5  ")]
    [InlineData("60  ")]
    [InlineData("1.5 1")]
    public void RefusesWhatRedisRefuses(string text)
    {
        Assert.False(SavePoints.TryParse(text, out var points));
        Assert.False(points.Any);
    }

    [Fact]
    public void IsDueOnceAPairsChangesAreReachedAndItsSecondsPassed()
    {
        Assert.True(SavePoints.TryParse("3600 1 300 100", out var points));

        Assert.Null(points.Due(changes: 0, secondsSinceLastSave: 10_000));
        Assert.Null(points.Due(changes: 1, secondsSinceLastSave: 3600));
        Assert.Equal(new SavePoint(3600, 1), points.Due(changes: 1, secondsSinceLastSave: 3601));
        Assert.Null(points.Due(changes: 99, secondsSinceLastSave: 301));
        Assert.Equal(new SavePoint(300, 100), points.Due(changes: 100, secondsSinceLastSave: 301));
        Assert.Null(SavePoints.None.Due(changes: long.MaxValue, secondsSinceLastSave: long.MaxValue));
    }
}
