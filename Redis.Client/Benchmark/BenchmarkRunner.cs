using System.Text;
using Redis.Client.Connection;
using Spectre.Console;

namespace Redis.Client.Benchmark;

/// <summary>Runs a benchmark against a server and reports it: connection, progress bar, output format, exit code.</summary>
/// <remarks>
/// Exit codes: 0 when every reply was right, 1 when the server could not be reached or the connection broke (as
/// redis-cli), 2 when any SET failed or any GET returned other bytes than were SET.
/// </remarks>
internal sealed class BenchmarkRunner(ClientConsole console, IAnsiConsole terminal)
{
    public const int MismatchExitCode = 2;

    /// <param name="totalOperations">Operations the run will make, for the progress bar.</param>
    /// <param name="benchmark">Runs on the connection, calling its argument after every operation.</param>
    public int Run(string host, int port, Credentials? credentials, BenchmarkOutput output, int totalOperations, Func<RedisConnection, string, Action?, BenchmarkTable> benchmark)
    {
        var server = $"{host}:{port}";
        BenchmarkTable table;
        try
        {
            using var connection = RedisConnection.Open(host, port, credentials, console.Error);
            table = output == BenchmarkOutput.Table
                ? RunWithProgress(connection, server, totalOperations, benchmark)
                : benchmark(connection, server, null);
        }
        catch (RedisConnectionException e)
        {
            console.Error.WriteLine(e.Message.StartsWith("Could not connect", StringComparison.Ordinal) ? e.Message : "Error: " + e.Message);
            return 1;
        }

        switch (output)
        {
            case BenchmarkOutput.Table:
                BenchmarkTableWriter.WriteTable(table, terminal);
                break;
            case BenchmarkOutput.Text:
                console.Write(Encoding.UTF8.GetBytes(BenchmarkTableWriter.ToText(table)));
                break;
            case BenchmarkOutput.Csv:
                console.Write(Encoding.UTF8.GetBytes(BenchmarkTableWriter.ToCsv(table)));
                foreach (var mismatch in table.Mismatches)
                {
                    console.Error.WriteLine("Mismatch: " + mismatch);
                }

                break;
            default:
                console.Write(Encoding.UTF8.GetBytes(BenchmarkTableWriter.ToJson(table)));
                break;
        }

        return table.MismatchCount == 0 ? 0 : MismatchExitCode;
    }

    private BenchmarkTable RunWithProgress(RedisConnection connection, string server, int totalOperations, Func<RedisConnection, string, Action?, BenchmarkTable> benchmark) =>
        terminal.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Benchmarking {Markup.Escape(server)}", maxValue: totalOperations);
                return benchmark(connection, server, () => task.Increment(1));
            });
}
