using Redis.Client.Benchmark;

namespace Redis.Client.Tests.Benchmark;

public class BenchmarkTableWriterTests
{
    private static readonly BenchmarkTable Table = BenchmarkTable.From(new SizeMatrixReport(
        "127.0.0.1:6379",
        new SizeMatrixSettings([1024], [10 * 1024, 100], 5, 1),
        [
            new SizePairResult(1024, 10 * 1024, Summary(0.1234567, 12.5), Summary(0.05, 200), 0, 0),
            new SizePairResult(1024, 100, Summary(2, 0.55), Summary(1, 1.1), 0, 2),
        ],
        ["GET #1 of a 1 KB key with a 100 B value: got (nil)", "GET #2 of a 1 KB key with a 100 B value: got (nil)"]));

    [Fact]
    public void WritesAlignedTextForPeople()
    {
        Assert.Equal(
            """
            Benchmark: sizes against 127.0.0.1:6379
             key  value  op   count  avg ms  p50 ms  p99 ms   MB/s  mismatches
            1 KB  10 KB  SET      5   0.123   0.123   0.123   12.5           0
            1 KB  10 KB  GET      5   0.050   0.050   0.050  200.0           0
            1 KB  100 B  SET      5   2.000   2.000   2.000    0.6           0
            1 KB  100 B  GET      5   1.000   1.000   1.000    1.1           2
            Mismatches: 2
              GET #1 of a 1 KB key with a 100 B value: got (nil)
              GET #2 of a 1 KB key with a 100 B value: got (nil)

            """,
            BenchmarkTableWriter.ToText(Table));
    }

    [Fact]
    public void WritesPlainNumbersAsCsv()
    {
        Assert.Equal(
            """
            key_size,value_size,op,count,avg_ms,p50_ms,p99_ms,mb_per_s,mismatches
            1024,10240,SET,5,0.123457,0.123457,0.123457,12.5,0
            1024,10240,GET,5,0.05,0.05,0.05,200,0
            1024,100,SET,5,2,2,2,0.55,0
            1024,100,GET,5,1,1,1,1.1,2

            """,
            BenchmarkTableWriter.ToCsv(Table));
    }

    [Fact]
    public void WritesJsonWithSettingsResultsAndMismatches()
    {
        using var json = System.Text.Json.JsonDocument.Parse(BenchmarkTableWriter.ToJson(Table));
        var root = json.RootElement;

        Assert.Equal("sizes", root.GetProperty("benchmark").GetString());
        Assert.Equal("127.0.0.1:6379", root.GetProperty("server").GetString());
        Assert.Equal(5, root.GetProperty("settings").GetProperty("repeat").GetInt32());
        Assert.Equal(2, root.GetProperty("mismatches").GetInt32());
        Assert.Equal(2, root.GetProperty("mismatch_details").GetArrayLength());
        var first = root.GetProperty("results")[0];
        Assert.Equal(10240, first.GetProperty("value_size").GetInt32());
        Assert.Equal("SET", first.GetProperty("op").GetString());
        Assert.Equal(0.123457, first.GetProperty("avg_ms").GetDouble());
    }

    [Fact]
    public void DrawsATableForATerminal()
    {
        using var screen = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            Out = new Spectre.Console.AnsiConsoleOutput(screen),
        });

        BenchmarkTableWriter.WriteTable(Table, console);

        var text = screen.ToString();
        Assert.Contains("sizes benchmark against 127.0.0.1:6379", text, StringComparison.Ordinal);
        Assert.Contains("│ 1 KB │ 10 KB │ SET │     5 │  0.123 │", text, StringComparison.Ordinal);
        Assert.Contains("Mismatches: 2", text, StringComparison.Ordinal);
    }

    private static LatencySummary Summary(double milliseconds, double megabytesPerSecond) =>
        new(5, milliseconds, milliseconds, milliseconds, milliseconds, milliseconds, megabytesPerSecond, 0);
}
