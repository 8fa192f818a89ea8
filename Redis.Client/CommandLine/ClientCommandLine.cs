using System.CommandLine;
using System.Globalization;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Redis.Client.Benchmark;
using Redis.Client.Connection;
using Redis.Client.Rendering;

namespace Redis.Client.CommandLine;

/// <summary>The client's command line, parsed by System.CommandLine into <see cref="ClientOptions"/>.</summary>
/// <remarks>
/// redis-cli's spellings: <c>-h</c> is the host, so help is <c>--help</c>, <c>-?</c>, or <c>-h</c> as the last word. Options
/// end at the first word that is not one (<see cref="CommandLineSplitter"/>); that word and the rest are a one-shot command.
/// Bad input is one line on standard error and exit code 1, never the help page.
/// </remarks>
internal static class ClientCommandLine
{
    /// <summary>Builds the root command; <paramref name="run"/> receives the parsed options and returns the exit code.</summary>
    public static RootCommand Build(Func<ClientOptions, int> run)
    {
        var host = new Option<string>("--host", "-h")
        {
            Description = "Server hostname or address",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port", "-p") { Description = "Server port", DefaultValueFactory = _ => 6379 };
        port.Validators.Add(r => RequireNumber(r, n => n is >= 1 and <= 65535, "--port must be between 1 and 65535."));
        var database = new Option<int>("-n") { Description = "Database number to SELECT on connecting", HelpName = "db" };
        var repeatCommand = new Option<long>("-r") { Description = "Run the command this many times; -1 for ever", HelpName = "repeat", DefaultValueFactory = _ => 1 };
        var interval = new Option<TimeSpan>("-i")
        {
            Description = "Seconds to wait after each reply with -r (may be fractional, such as 0.1)",
            HelpName = "interval",
            CustomParser = ParseSeconds,
        };
        var stdinLastArg = new Option<bool>("-x") { Description = "Read the command's last argument from standard input" };
        var scan = new Option<bool>("--scan") { Description = "List the keys with SCAN, one a line" };
        var pattern = new Option<string?>("--pattern") { Description = "With --scan: only the keys matching this glob pattern (SCAN MATCH)" };
        var count = new Option<int>("--count") { Description = "With --scan: keys to ask for each call (SCAN COUNT)" };
        var resp2 = new Option<bool>("-2") { Description = "Start session in RESP2 protocol mode" };
        var resp3 = new Option<bool>("-3") { Description = "Start session in RESP3 protocol mode (sends HELLO 3 on connecting)" };
        var pipe = new Option<bool>("--pipe") { Description = "Send standard input to the server as it is (RESP or inline), then report errors and replies" };
        var password = new Option<string?>("--pass", "-a") { Description = "Password for AUTH on connecting (REDISCLI_AUTH does the same without showing it)" };
        var user = new Option<string?>("--user") { Description = "User for AUTH on connecting (needs a password)" };
        var noAuthWarning = new Option<bool>("--no-auth-warning") { Description = "No warning when a password is given on the command line" };
        var raw = new Option<bool>("--raw") { Description = "Print replies raw (the default when output is not a terminal)" };
        var noRaw = new Option<bool>("--no-raw") { Description = "Print replies formatted, even when output is not a terminal" };

        var benchmark = new Option<bool>("--benchmark") { Description = "Run the lab's benchmark instead of commands" };
        var keySizes = SizeList("--key-sizes", "Benchmark key sizes, comma-separated (1 KB = 1024 bytes)", "1KB,5KB,10KB", SizeMatrixSettings.MinKeySize);
        var valueSizes = SizeList("--value-sizes", "Benchmark value sizes, comma-separated", "10KB,50KB,100KB", 0);
        var repeat = Positive("--repeat", "SETs and GETs per key and value size", SizeMatrixSettings.Lab.Repeat);
        var seed = new Option<int>("--seed") { Description = "Seed of the random keys and values", DefaultValueFactory = _ => 1 };
        var requests = PositiveOrNull("--requests", "Throughput mode: requests per command (redis-benchmark -n)");
        var pipeline = PositiveOrNull("--pipeline", "Throughput mode: requests sent together (redis-benchmark -P)");
        var dataSize = new Option<string?>("--data-size") { Description = "Throughput mode: SET value size (redis-benchmark -d)" };
        dataSize.Validators.Add(r => Require(r, r.GetValueOrDefault<string?>() is not { } s || ByteSize.TryParse(s, out _), "--data-size must be a size such as 100 or 4KB."));
        var keyspace = PositiveOrNull("--keyspace", "Throughput mode: number of distinct keys (redis-benchmark -r)");
        var csv = new Option<bool>("--csv") { Description = "Benchmark results as CSV" };
        var json = new Option<bool>("--json") { Description = "Benchmark results as JSON" };
        var command = new Argument<string[]>("command")
        {
            Description = "A command to run once, such as SET greeting hello; none for the interactive prompt",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var root = new RootCommand("A redis-cli-like client for RedisClean and any Redis-compatible server: REPL, one-shot commands, and the lab's benchmark.")
        {
            host, port, database, repeatCommand, interval, stdinLastArg, resp2, resp3, scan, pattern, count, pipe, password, user, noAuthWarning, raw, noRaw, benchmark, keySizes, valueSizes, repeat, seed, requests, pipeline, dataSize, keyspace, csv, json,
        };
        root.Arguments.Add(command);

        // redis-cli's -h is the host: help keeps --help and -? only.
        var help = root.Options.OfType<HelpOption>().Single();
        root.Options.Remove(help);
        root.Options.Add(new HelpOption("--help", "-?"));

        root.Validators.Add(r =>
        {
            var throughputGiven = new Option[] { requests, pipeline, dataSize, keyspace }.Any(o => r.GetResult(o) is not null);
            var benchmarking = r.GetValue(benchmark);
            if (r.GetValue(resp2) && r.GetValue(resp3))
            {
                r.AddError("Options -2 and -3 are mutually exclusive.");
            }

            if (r.GetValue(raw) && r.GetValue(noRaw))
            {
                r.AddError("--raw and --no-raw cannot be used together.");
            }

            if (r.GetValue(csv) && r.GetValue(json))
            {
                r.AddError("--csv and --json cannot be used together.");
            }

            if (!benchmarking && (throughputGiven || r.GetValue(csv) || r.GetValue(json)))
            {
                r.AddError("--requests, --pipeline, --data-size, --keyspace, --csv and --json need --benchmark.");
            }

            if (benchmarking && r.GetValue(command) is { Length: > 0 })
            {
                r.AddError("--benchmark takes no command.");
            }
        });

        root.SetAction(result =>
        {
            var throughputGiven = new Option[] { requests, pipeline, dataSize, keyspace }.Any(o => result.GetResult(o) is not null);
            var defaults = ThroughputSettings.Default;
            var keys = ByteSize.ParseList(result.GetValue(keySizes)!);
            var values = ByteSize.ParseList(result.GetValue(valueSizes)!);
            var data = result.GetValue(dataSize) is { } size ? ByteSize.Parse(size) : defaults.DataSize;
            var typedPassword = result.GetValue(password);
            var secret = typedPassword ?? Environment.GetEnvironmentVariable(Credentials.EnvironmentVariable);

            var options = new ClientOptions(
                result.GetValue(host)!,
                result.GetValue(port),
                result.GetValue(raw) ? ReplyFormat.Raw : result.GetValue(noRaw) ? ReplyFormat.Tty : null,
                result.GetValue(command) ?? [],
                result.GetValue(benchmark),
                new SizeMatrixSettings(keys, values, result.GetValue(repeat), result.GetValue(seed)),
                throughputGiven
                    ? new ThroughputSettings(
                        result.GetValue(requests) ?? defaults.Requests,
                        result.GetValue(pipeline) ?? defaults.Pipeline,
                        data,
                        result.GetValue(keyspace) ?? defaults.Keyspace,
                        result.GetValue(seed))
                    : null,
                result.GetValue(csv) ? BenchmarkOutput.Csv : result.GetValue(json) ? BenchmarkOutput.Json : null,
                secret is null ? null : new Credentials(result.GetValue(user), secret),
                typedPassword is not null && !result.GetValue(noAuthWarning),
                result.GetValue(database),
                result.GetValue(repeatCommand),
                result.GetValue(interval),
                result.GetValue(stdinLastArg),
                result.GetValue(scan) ? new ScanSettings(result.GetValue(pattern), result.GetResult(count) is null ? null : result.GetValue(count)) : null,
                result.GetValue(pipe),
                result.GetValue(resp3));
            return run(options);
        });
        return root;
    }

    /// <summary>Parses and runs, with no Ctrl+C handling of System.CommandLine's own: the REPL handles Ctrl+C itself.</summary>
    /// <returns>The exit code: 1 after printing the first problem with the command line.</returns>
    public static int Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var split = CommandLineSplitter.Split(args, root.Options);
        if (split.Error is { } unrecognized)
        {
            error.WriteLine(unrecognized);
            return 1;
        }

        // No response files: "@name" is a value or a command word here, never a file to read options from.
        var result = root.Parse([.. split.Options, "--", .. split.Command], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is ParseErrorAction)
        {
            error.WriteLine(result.Errors[0].Message);
            return 1;
        }

        // Exceptions reach Program, which reports an I/O failure in one line; System.CommandLine would print a stack trace.
        return result.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false, Output = output, Error = error });
    }

    // redis-cli reads -i with atof; here text that is not a number of seconds is an error rather than 0.
    private static TimeSpan ParseSeconds(ArgumentResult result)
    {
        var text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 1e9)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"-i must be a number of seconds, 0 or more (such as 1 or 0.5), not '{text}'.");
        return TimeSpan.Zero;
    }

    private static Option<string> SizeList(string name, string description, string defaults, int minimum)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaults };
        option.Validators.Add(r => Require(
            r,
            ByteSize.TryParseList(r.GetValueOrDefault<string>(), out var sizes) && sizes.All(s => s >= minimum),
            $"{name} must be sizes such as 1KB,5KB,10KB, each at least {minimum} bytes."));
        return option;
    }

    private static Option<int> Positive(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r => RequireNumber(r, n => n >= 1, $"{name} must be at least 1."));
        return option;
    }

    private static Option<int?> PositiveOrNull(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(r => RequireNumber(r, n => n >= 1, $"{name} must be at least 1."));
        return option;
    }

    // Checks the number typed, if it is one: text that is not a number already has System.CommandLine's own error.
    private static void RequireNumber(OptionResult result, Func<long, bool> condition, string error)
    {
        if (result.Tokens.Count > 0 && long.TryParse(result.Tokens[^1].Value, CultureInfo.InvariantCulture, out var number) && !condition(number))
        {
            result.AddError(error);
        }
    }

    private static void Require(SymbolResult result, bool condition, string error)
    {
        if (!condition)
        {
            result.AddError(error);
        }
    }
}
