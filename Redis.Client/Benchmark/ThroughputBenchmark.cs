using System.Diagnostics;
using System.Globalization;
using System.Text;
using Redis.Client.Connection;
using Redis.Protocol;

namespace Redis.Client.Benchmark;

/// <summary>Small-value throughput: many SETs, then as many GETs of the same keys, optionally pipelined.</summary>
/// <remarks>
/// <para>
/// As in redis-benchmark, a pipelined request's latency runs from sending its batch to reading its own reply, and
/// operations per second is requests over wall-clock time. Keys are <c>bench:key:NNNNNNNNNNNN</c>, drawn at random
/// from the keyspace; GET draws the same sequence SET did, so every GET must return exactly the value SET wrote.
/// The keys touched are deleted at the end (untimed).
/// </para>
/// </remarks>
internal sealed class ThroughputBenchmark(RedisConnection connection, ThroughputSettings settings, string server)
{
    private const int KeysPerDelete = 1000;
    private static readonly ReadOnlyMemory<byte> Set = "SET"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Get = "GET"u8.ToArray();
    private static readonly ReadOnlyMemory<byte> Del = "DEL"u8.ToArray();

    public ThroughputReport Run(Action? progress = null)
    {
        var keys = new byte[settings.Keyspace][];
        var value = new byte[settings.DataSize];
        value.AsSpan().Fill((byte)'x');
        var mismatches = new List<string>();
        var results = new List<ThroughputResult>();
        foreach (var command in ThroughputSettings.Commands)
        {
            // The same seed for each command: GET reads back exactly the keys SET wrote.
            var random = new Random(settings.Seed);
            var isSet = command == "SET";
            var recorder = new LatencyRecorder();
            var failures = 0;
            var batchKeys = new byte[settings.Pipeline][];
            var wall = Stopwatch.StartNew();
            for (var sent = 0; sent < settings.Requests;)
            {
                var batch = Math.Min(settings.Pipeline, settings.Requests - sent);
                for (var i = 0; i < batch; i++)
                {
                    var key = batchKeys[i] = KeyAt(keys, random.Next(settings.Keyspace));
                    if (isSet)
                    {
                        connection.Enqueue(Set, key, value);
                    }
                    else
                    {
                        connection.Enqueue(Get, key);
                    }
                }

                var start = Stopwatch.GetTimestamp();
                connection.Flush();
                for (var i = 0; i < batch; i++)
                {
                    var reply = connection.Receive();
                    recorder.Record(start, Stopwatch.GetTimestamp(), batchKeys[i].Length + settings.DataSize);
                    var wrong = isSet
                        ? reply == Reply.Ok ? null : "got " + BenchmarkData.Describe(reply)
                        : BenchmarkData.Mismatch(reply, value);
                    if (wrong is not null)
                    {
                        failures++;
                        if (mismatches.Count < 100)
                        {
                            mismatches.Add($"{command} {Encoding.ASCII.GetString(batchKeys[i])}: {wrong}");
                        }
                    }

                    progress?.Invoke();
                }

                sent += batch;
            }

            results.Add(new ThroughputResult(command, recorder.Summarize(wall.Elapsed), failures));
        }

        Delete(keys);
        return new ThroughputReport(server, settings, results, mismatches);
    }

    private static byte[] KeyAt(byte[][] keys, int index) =>
        keys[index] ??= Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"bench:key:{index:D12}"));

    private void Delete(byte[][] keys)
    {
        var touched = keys.Where(k => k is not null).ToArray();
        for (var i = 0; i < touched.Length; i += KeysPerDelete)
        {
            var chunk = touched.AsSpan(i, Math.Min(KeysPerDelete, touched.Length - i));
            var words = new ReadOnlyMemory<byte>[chunk.Length + 1];
            words[0] = Del;
            for (var j = 0; j < chunk.Length; j++)
            {
                words[j + 1] = chunk[j];
            }

            connection.Execute(words);
        }
    }
}
