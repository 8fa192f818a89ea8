using System.Diagnostics;
using Redis.Application.Common;

namespace Redis.Application.Tests.Common;

public class ServerStatisticsTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void ReportsNoRateBeforeTwoSamples()
    {
        var statistics = new ServerStatistics { CommandsProcessed = 500 };

        statistics.Sample(10 * Second);

        Assert.Equal(0, statistics.InstantaneousOpsPerSecond);
        Assert.Equal(0, statistics.InstantaneousInputKbps);
    }

    [Fact]
    public void MeasuresCommandsAndBytesPerSecondBetweenSamples()
    {
        var statistics = new ServerStatistics();
        statistics.Sample(10 * Second);

        statistics.CommandsProcessed += 1_000;
        statistics.NetInputBytes += 2_048;
        statistics.NetOutputBytes += 512;
        statistics.Sample(10 * Second + (Second / 10));

        Assert.Equal(10_000, statistics.InstantaneousOpsPerSecond);
        Assert.Equal(20, statistics.InstantaneousInputKbps, precision: 6);
        Assert.Equal(5, statistics.InstantaneousOutputKbps, precision: 6);
    }

    [Fact]
    public void AveragesTheLastSixteenIntervalsAsRedisDoes()
    {
        var statistics = new ServerStatistics();
        var now = Second;
        statistics.Sample(now);

        // One busy interval (100 commands in 1 s), then sixteen idle ones push it out of the window.
        statistics.CommandsProcessed += 100;
        statistics.Sample(now += Second);
        Assert.Equal(100, statistics.InstantaneousOpsPerSecond);
        for (var i = 0; i < 15; i++)
        {
            statistics.Sample(now += Second);
        }

        Assert.Equal(100 / 16, statistics.InstantaneousOpsPerSecond);
        statistics.Sample(now + Second);
        Assert.Equal(0, statistics.InstantaneousOpsPerSecond);
    }
}
