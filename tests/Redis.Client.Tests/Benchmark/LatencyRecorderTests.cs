using System.Diagnostics;
using Redis.Client.Benchmark;

namespace Redis.Client.Tests.Benchmark;

public class LatencyRecorderTests
{
    [Fact]
    public void SummarizesLatenciesInMillisecondsWithPercentiles()
    {
        var recorder = new LatencyRecorder();
        for (var ms = 1; ms <= 100; ms++)
        {
            recorder.Record(0, Ticks(ms), bytes: 1_000_000);
        }

        var summary = recorder.Summarize(TimeSpan.FromSeconds(10));

        Assert.Equal(100, summary.Count);
        Assert.Equal(50.5, summary.AverageMilliseconds, 0.1);
        Assert.Equal(50, summary.P50Milliseconds, 0.1);
        Assert.Equal(95, summary.P95Milliseconds, 0.1);
        Assert.Equal(99, summary.P99Milliseconds, 0.1);
        Assert.Equal(100, summary.MaxMilliseconds, 0.1);

        // 100 MB moved in 5.05 s spent in the operation; 100 operations in 10 s of wall-clock time.
        Assert.Equal(100 / 5.05, summary.MegabytesPerSecond, 0.01);
        Assert.Equal(10, summary.OperationsPerSecond, 0.001);
    }

    [Fact]
    public void SummarizesNothingAsZeros()
    {
        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0), new LatencyRecorder().Summarize(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void KeepsSubMicrosecondLatenciesMeasurable()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(100, 100, bytes: 0);

        Assert.Equal(1, recorder.Summarize(TimeSpan.Zero).Count);
    }

    private static long Ticks(int milliseconds) => milliseconds * Stopwatch.Frequency / 1000;
}
