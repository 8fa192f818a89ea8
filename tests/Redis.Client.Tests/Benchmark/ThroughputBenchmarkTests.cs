using Redis.Client.Benchmark;
using Redis.Client.Connection;
using Redis.Client.Tests.Support;

namespace Redis.Client.Tests.Benchmark;

[Collection(ServerCollection.Name)]
public class ThroughputBenchmarkTests(ServerFixture server)
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void MeasuresEveryRequestOfEachCommandAndLeavesNoKeys(int pipeline)
    {
        var keysBefore = server.Keyspace.Count;
        var settings = new ThroughputSettings(Requests: 50, Pipeline: pipeline, DataSize: 10, Keyspace: 8, Seed: 2);
        var progress = 0;

        var report = Run(server.Port, settings, () => progress++);

        Assert.Equal(["SET", "GET"], report.Results.Select(r => r.Command));
        Assert.All(report.Results, r =>
        {
            Assert.Equal(50, r.Latency.Count);
            Assert.Equal(0, r.Mismatches);
            Assert.True(r.Latency.OperationsPerSecond > 0);
        });
        Assert.Equal(100, progress);
        Assert.Equal(keysBefore, server.Keyspace.Count);
    }

    [Fact]
    public void ReportsCorruptedValuesAsMismatches()
    {
        using var stub = StubServer.Corrupting();

        var report = Run(stub.Port, new ThroughputSettings(Requests: 20, Pipeline: 4, DataSize: 3, Keyspace: 5, Seed: 1));

        Assert.Equal(0, report.Results[0].Mismatches);
        Assert.Equal(20, report.Results[1].Mismatches);
        Assert.Equal(20, report.Mismatches.Count);
        Assert.StartsWith("GET bench:key:", report.Mismatches[0], StringComparison.Ordinal);
        Assert.EndsWith(": 3 bytes that differ from offset 0", report.Mismatches[0], StringComparison.Ordinal);
    }

    private static ThroughputReport Run(int port, ThroughputSettings settings, Action? progress = null)
    {
        using var connection = RedisConnection.Connect("127.0.0.1", port);
        return new ThroughputBenchmark(connection, settings, $"127.0.0.1:{port}").Run(progress);
    }
}
