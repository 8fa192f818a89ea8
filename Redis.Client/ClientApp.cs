using Redis.Client.Benchmark;
using Redis.Client.CommandLine;
using Redis.Client.Connection;
using Redis.Client.Input;
using Redis.Client.Interactive;
using Redis.Client.Rendering;
using Redis.Protocol;
using Spectre.Console;

namespace Redis.Client;

/// <summary>Chooses the mode the options ask for, and wires it to the console.</summary>
/// <remarks>
/// As redis-cli decides: <c>--benchmark</c> runs a benchmark; <c>--pipe</c> and <c>--scan</c> run their modes; words after
/// the options are a one-shot command; otherwise the REPL reads lines, from the line editor on a terminal or from
/// standard input in a pipe. Replies are formatted for people when standard output is a terminal and raw otherwise,
/// unless <c>--raw</c> or <c>--no-raw</c> says which.
/// </remarks>
/// <param name="sleep">The wait of <c>-i</c>; null for <see cref="Thread.Sleep(TimeSpan)"/>. Tests record it instead.</param>
internal sealed class ClientApp(ClientConsole console, IAnsiConsole terminal, Func<HistoryFile?> history, Action<TimeSpan>? sleep = null)
{
    /// <summary>Set while the REPL runs: what Ctrl+C interrupts.</summary>
    private Repl? _repl;

    public int Run(ClientOptions options)
    {
        if (options.WarnAboutPassword)
        {
            console.Error.WriteLine(Credentials.CommandLineWarning);
        }

        if (options.Benchmark)
        {
            return RunBenchmark(options);
        }

        var format = options.Format ?? (console.IsOutputTerminal ? ReplyFormat.Tty : ReplyFormat.Raw);
        // As redis-cli: pushes (RESP3's out-of-band replies) are printed when output is a terminal, and dropped otherwise.
        Action<Reply>? pushes = console.IsOutputTerminal ? push => console.Write(ReplyRenderer.Render(push, format)) : null;
        using var session = new ClientSession(
            options.Host, options.Port, console.Error, options.Credentials, options.Database, options.Resp3, pushes);
        // redis-cli's order: --pipe, then --scan, then a command or the REPL; the modes ignore the command words.
        if (options.Pipe)
        {
            return PipeMode.Run(session, console);
        }

        // -i: the wait after each reply (each SCAN batch), as redis-cli's usleep(config.interval).
        Action pause = options.Interval > TimeSpan.Zero ? () => (sleep ?? Thread.Sleep)(options.Interval) : () => { };
        if (options.Scan is { } scan)
        {
            return ScanMode.Run(session, scan.Pattern, scan.Count, format, console, pause);
        }

        var runner = new CommandRunner(session, format, console, pause);
        if (options.Command.Count > 0)
        {
            return OneShot.Run(session, options.Command, runner, console, options.Repeat, options.StdinLastArg);
        }

        _repl = new Repl(session, Lines(), runner, console);
        try
        {
            return _repl.Run();
        }
        finally
        {
            _repl = null;
        }
    }

    /// <summary>Ctrl+C outside line editing: ends a REPL (and its waiting command) quietly.</summary>
    /// <returns>True when handled; false to let the process stop as usual.</returns>
    public bool Interrupt()
    {
        var repl = _repl;
        repl?.Interrupt();
        return repl is not null;
    }

    private ILineSource Lines() =>
        console.IsInputTerminal && console.IsOutputTerminal && TerminalLineSource.IsSupported(terminal)
            ? new TerminalLineSource(terminal, keys: null, history())
            : new StreamLineSource(console.Input);

    private int RunBenchmark(ClientOptions options)
    {
        var output = options.BenchmarkOutput ?? (console.IsOutputTerminal ? BenchmarkOutput.Table : BenchmarkOutput.Text);
        var runner = new BenchmarkRunner(console, terminal);
        if (options.Throughput is { } throughput)
        {
            return runner.Run(options.Host, options.Port, options.Credentials, output, throughput.TotalOperations, (connection, server, progress) =>
                BenchmarkTable.From(new ThroughputBenchmark(connection, throughput, server).Run(progress)));
        }

        var sizes = options.Sizes;
        return runner.Run(options.Host, options.Port, options.Credentials, output, sizes.TotalOperations, (connection, server, progress) =>
            BenchmarkTable.From(new SizeMatrixBenchmark(connection, sizes, server).Run(progress)));
    }
}
