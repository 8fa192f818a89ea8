using System.Globalization;
using Redis.Client.Benchmark;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Benchmark;

/// <summary><c>Redis.Client --benchmark ...</c> from its command line: output formats and exit codes.</summary>
[Collection(ServerCollection.Name)]
public class BenchmarkRunnerTests(ServerFixture server)
{
    private static readonly string[] TinyMatrix = ["--benchmark", "--key-sizes", "16,32", "--value-sizes", "8,1KB", "--repeat", "2"];

    [Fact]
    public void WritesPlainTextWhenOutputIsNotATerminal()
    {
        using var console = new MemoryConsole();

        var exit = ClientRun.Run(console, [.. TinyMatrix, "-p", Port(server.Port)]);

        Assert.Equal(0, exit);
        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Benchmark: sizes against 127.0.0.1:{server.Port}", lines[0]);
        Assert.Equal(["key", "value", "op", "count", "avg", "ms", "p50", "ms", "p99", "ms", "MB/s", "mismatches"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(8, lines.Count(l => l.Contains(" SET ", StringComparison.Ordinal) || l.Contains(" GET ", StringComparison.Ordinal)));
        Assert.Equal("Mismatches: 0", lines[^1]);
    }

    [Fact]
    public void WritesCsvForScripts()
    {
        using var console = new MemoryConsole();

        var exit = ClientRun.Run(console, [.. TinyMatrix, "--csv", "-p", Port(server.Port)]);

        Assert.Equal(0, exit);
        var lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key_size,value_size,op,count,avg_ms,p50_ms,p99_ms,mb_per_s,mismatches", lines[0]);
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("16,8,SET,2,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("32,1024,GET,2,", lines[^1], StringComparison.Ordinal);
        Assert.All(lines[1..], l => Assert.EndsWith(",0", l, StringComparison.Ordinal));
    }

    [Fact]
    public void WritesJsonForScripts()
    {
        using var console = new MemoryConsole();

        var exit = ClientRun.Run(console, "--benchmark", "--requests", "20", "--pipeline", "5", "--json", "-p", Port(server.Port));

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(console.Output);
        var root = json.RootElement;
        Assert.Equal("throughput", root.GetProperty("benchmark").GetString());
        Assert.Equal(0, root.GetProperty("mismatches").GetInt32());
        Assert.Equal(5, root.GetProperty("settings").GetProperty("pipeline").GetInt32());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["SET", "GET"], results.Select(r => r.GetProperty("command").GetString()));
        Assert.All(results, r => Assert.Equal(20, r.GetProperty("requests").GetInt32()));
    }

    [Fact]
    public void ExitsNonZeroAndListsMismatchesFromACorruptingServer()
    {
        using var stub = StubServer.Corrupting();
        using var console = new MemoryConsole();

        var exit = ClientRun.Run(console, "--benchmark", "--key-sizes", "16", "--value-sizes", "4", "--repeat", "2", "-p", Port(stub.Port));

        Assert.Equal(BenchmarkRunner.MismatchExitCode, exit);
        Assert.EndsWith(
            "Mismatches: 2\n  GET #1 of a 16 B key with a 4 B value: 4 bytes that differ from offset 0\n  GET #2 of a 16 B key with a 4 B value: 4 bytes that differ from offset 0\n",
            console.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void PrintsCsvMismatchesOnStandardError()
    {
        using var stub = StubServer.Corrupting();
        using var console = new MemoryConsole();

        var exit = ClientRun.Run(console, "--benchmark", "--key-sizes", "16", "--value-sizes", "4", "--repeat", "1", "--csv", "-p", Port(stub.Port));

        Assert.Equal(BenchmarkRunner.MismatchExitCode, exit);
        Assert.Equal("Mismatch: GET #1 of a 16 B key with a 4 B value: 4 bytes that differ from offset 0\n", console.Error);
        Assert.StartsWith("16,4,GET,1,", console.Output.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ExitsOneWhenTheServerCannotBeReached()
    {
        using var console = new MemoryConsole();
        var port = ClientRun.ClosedPort();

        Assert.Equal(1, ClientRun.Run(console, "--benchmark", "-p", Port(port)));

        Assert.Equal($"Could not connect to Redis at 127.0.0.1:{port}: Connection refused\n", console.Error);
    }

    [Fact]
    public void ExitsOneWhenTheConnectionBreaksMidRun()
    {
        using var stub = new StubServer(args => args[0].SequenceEqual("GET"u8) ? null : Reply.Ok);
        using var console = new MemoryConsole();

        Assert.Equal(1, ClientRun.Run(console, "--benchmark", "--key-sizes", "16", "--value-sizes", "4", "-p", Port(stub.Port)));

        Assert.Equal("Error: Server closed the connection\n", console.Error);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
