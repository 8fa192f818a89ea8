using System.Diagnostics;
using Redis.Client.Connection;
using Redis.Protocol;

namespace Redis.Client.Benchmark;

/// <summary>The lab's benchmark: for each key size and value size, SET the pairs, GET them back and check every byte.</summary>
/// <remarks>
/// <para>
/// Each operation is one round trip, timed from encoding the request to parsing the whole reply, so a latency
/// includes the transfer of a 100 KB value both ways, as a client application would see it. The keys are deleted
/// after each pair (untimed), so a run leaves the server as it found it.
/// </para>
/// <para>
/// One untimed SET, GET and DEL runs first, so the client's own JIT compilation is not measured as server latency.
/// </para>
/// </remarks>
internal sealed class SizeMatrixBenchmark(RedisConnection connection, SizeMatrixSettings settings, string server)
{
    private static readonly ReadOnlyMemory<byte> Set = "SET"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Get = "GET"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Del = "DEL"u8.ToArray();

    /// <param name="progress">Told after every operation; null when nobody watches.</param>
    public SizeMatrixReport Run(Action? progress = null)
    {
        var random = new Random(settings.Seed);
        WarmUp(random);
        var pairs = new List<SizePairResult>();
        var mismatches = new List<string>();
        var sequence = 0;
        foreach (var keySize in settings.KeySizes)
        {
            foreach (var valueSize in settings.ValueSizes)
            {
                var keys = new byte[settings.Repeat][];
                var values = new byte[settings.Repeat][];
                for (var i = 0; i < settings.Repeat; i++)
                {
                    keys[i] = BenchmarkData.Key(keySize, sequence++, random);
                    values[i] = BenchmarkData.Value(valueSize, random);
                }

                pairs.Add(RunPair(keySize, valueSize, keys, values, mismatches, progress));
            }
        }

        return new SizeMatrixReport(server, settings, pairs, mismatches);
    }

    private SizePairResult RunPair(int keySize, int valueSize, byte[][] keys, byte[][] values, List<string> mismatches, Action? progress)
    {
        var set = new LatencyRecorder();
        var get = new LatencyRecorder();
        int setFailures = 0, getMismatches = 0;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < keys.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var reply = connection.Execute(Set, keys[i], values[i]);
            set.Record(start, Stopwatch.GetTimestamp(), keys[i].Length + values[i].Length);
            if (reply != Reply.Ok)
            {
                setFailures++;
                mismatches.Add($"SET #{i + 1} of a {Size(keySize)} key with a {Size(valueSize)} value: {BenchmarkData.Describe(reply)}");
            }

            progress?.Invoke();
        }

        var setTime = wall.Elapsed;
        wall.Restart();
        for (var i = 0; i < keys.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var reply = connection.Execute(Get, keys[i]);
            get.Record(start, Stopwatch.GetTimestamp(), keys[i].Length + (reply.Kind == ReplyKind.BulkString ? reply.Bytes.Length : 0));
            if (BenchmarkData.Mismatch(reply, values[i]) is { } wrong)
            {
                getMismatches++;
                mismatches.Add($"GET #{i + 1} of a {Size(keySize)} key with a {Size(valueSize)} value: {wrong}");
            }

            progress?.Invoke();
        }

        var getTime = wall.Elapsed;
        Delete(keys);
        return new SizePairResult(keySize, valueSize, set.Summarize(setTime), get.Summarize(getTime), setFailures, getMismatches);
    }

    private void WarmUp(Random random)
    {
        var key = BenchmarkData.Key(SizeMatrixSettings.MinKeySize, -1, random);
        connection.Execute(Set, key, BenchmarkData.Value(1024, random));
        connection.Execute(Get, key);
        connection.Execute(Del, key);
    }

    private void Delete(byte[][] keys)
    {
        var words = new ReadOnlyMemory<byte>[keys.Length + 1];
        words[0] = Del;
        for (var i = 0; i < keys.Length; i++)
        {
            words[i + 1] = keys[i];
        }

        connection.Execute(words);
    }

    /// <summary>A size as the lab writes it: <c>10 KB</c> when a whole number of KB, bytes otherwise.</summary>
    internal static string Size(int bytes) =>
        bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KB" : $"{bytes} B";
}
