using System.Diagnostics;
using HdrHistogram;

namespace Redis.Client.Benchmark;

/// <summary>Collects the latencies of one operation in an HdrHistogram, with the bytes each moved.</summary>
/// <remarks>
/// Latencies are recorded in nanoseconds with three significant digits, so percentiles are exact to 0.1% from a
/// microsecond up to an hour, without keeping every sample. The sum of latencies is kept apart from the histogram,
/// because MB/s is the payload over the time actually spent in the operation.
/// </remarks>
internal sealed class LatencyRecorder
{
    private static readonly long HighestTrackable = (long)TimeSpan.FromHours(1).TotalNanoseconds;

    private readonly LongHistogram _histogram = new(HighestTrackable, 3);
    private long _bytes;
    private long _nanoseconds;

    public long Count => _histogram.TotalCount;

    /// <summary>Records one operation from its <see cref="Stopwatch"/> timestamps and the payload bytes it moved.</summary>
    public void Record(long startTimestamp, long endTimestamp, long bytes)
    {
        var nanoseconds = (long)Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalNanoseconds;
        _histogram.RecordValue(Math.Clamp(nanoseconds, 1, HighestTrackable));
        _nanoseconds += nanoseconds;
        _bytes += bytes;
    }

    /// <param name="wallTime">The run's elapsed time, for operations per second; pipelined operations overlap, so it is not the sum of latencies.</param>
    public LatencySummary Summarize(TimeSpan wallTime)
    {
        if (Count == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }

        return new LatencySummary(
            Count,
            _histogram.GetMean() / 1e6,
            _histogram.GetValueAtPercentile(50) / 1e6,
            _histogram.GetValueAtPercentile(95) / 1e6,
            _histogram.GetValueAtPercentile(99) / 1e6,
            _histogram.GetMaxValue() / 1e6,
            _nanoseconds == 0 ? 0 : _bytes / (_nanoseconds / 1e9) / 1e6,
            wallTime <= TimeSpan.Zero ? 0 : Count / wallTime.TotalSeconds);
    }
}
