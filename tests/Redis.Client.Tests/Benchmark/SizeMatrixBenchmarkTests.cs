using Redis.Client.Benchmark;
using Redis.Client.Connection;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Benchmark;

[Collection(ServerCollection.Name)]
public class SizeMatrixBenchmarkTests(ServerFixture server)
{
    private static readonly SizeMatrixSettings Tiny = new([16, 40], [0, 100, 70_000], Repeat: 3, Seed: 5);

    [Fact]
    public void SetsAndGetsEveryPairWithoutMismatchAgainstTheServer()
    {
        var keysBefore = server.Keyspace.Count;
        var progress = 0;

        var report = Run(server.Port, Tiny, () => progress++);

        Assert.Equal(6, report.Pairs.Count);
        Assert.All(report.Pairs, pair =>
        {
            Assert.Equal(3, pair.Set.Count);
            Assert.Equal(3, pair.Get.Count);
            Assert.Equal(0, pair.Mismatches);
        });
        Assert.Equal([(16, 0), (16, 100), (16, 70_000), (40, 0), (40, 100), (40, 70_000)], report.Pairs.Select(p => (p.KeySize, p.ValueSize)));
        Assert.Empty(report.Mismatches);
        Assert.Equal(Tiny.TotalOperations, progress);
        Assert.Equal(keysBefore, server.Keyspace.Count);
    }

    [Fact]
    public void ReportsEveryCorruptedValueAsAMismatch()
    {
        using var stub = StubServer.Corrupting();

        var report = Run(stub.Port, Tiny with { ValueSizes = [1, 100] });

        Assert.All(report.Pairs, pair =>
        {
            Assert.Equal(0, pair.SetFailures);
            Assert.Equal(3, pair.GetMismatches);
        });
        Assert.Equal(12, report.Mismatches.Count);
        Assert.Equal("GET #1 of a 16 B key with a 1 B value: 1 bytes that differ from offset 0", report.Mismatches[0]);
    }

    [Fact]
    public void ReportsASetThatFails()
    {
        using var stub = new StubServer(args => args[0].SequenceEqual("SET"u8)
            ? Reply.Error("OOM command not allowed when used memory > 'maxmemory'.")
            : Reply.Nil);

        var report = Run(stub.Port, new SizeMatrixSettings([16], [10], Repeat: 1, Seed: 1));

        Assert.Equal(
            [
                "SET #1 of a 16 B key with a 10 B value: (error) OOM command not allowed when used memory > 'maxmemory'.",
                "GET #1 of a 16 B key with a 10 B value: got (nil)",
            ],
            report.Mismatches);
    }

    [Fact]
    public void SendsTheSameBytesForTheSameSeed()
    {
        var first = new List<byte[]>();
        var second = new List<byte[]>();
        using (var stub = new StubServer(args => Record(first, args)))
        {
            Run(stub.Port, Tiny);
        }

        using (var stub = new StubServer(args => Record(second, args)))
        {
            Run(stub.Port, Tiny);
        }

        Assert.Equal(first, second);
    }

    private static Reply Record(List<byte[]> words, CommandArgs args)
    {
        words.AddRange(args.ToArrays());
        return Reply.Ok;
    }

    private static SizeMatrixReport Run(int port, SizeMatrixSettings settings, Action? progress = null)
    {
        using var connection = RedisConnection.Connect("127.0.0.1", port);
        return new SizeMatrixBenchmark(connection, settings, $"127.0.0.1:{port}").Run(progress);
    }
}
