using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using SharpFuzz;
using Redis.Protocol;
using Redis.Testing;

namespace Redis.Fuzz;

/// <summary>Fuzzes the request reader: under afl-fuzz (SharpFuzz), or with its own mutation loop when afl-fuzz is absent.</summary>
internal static class Program
{
    private const string Usage = """
        Redis.Fuzz: fuzzes RequestReader with small limits (bulk 64, inline 64, 8 arguments), or the whole server.

          mutate [--seconds N] [--seed S] [--crashes DIR]   own mutation loop for N seconds (default 60, seed 1)
          server [--seconds N] [--seed S] [--crashes DIR]   mutations of command streams sent to the real server in process
          afl                                              target for afl-fuzz (instrument Redis.Infrastructure.dll first)
          seeds DIR                                        writes the starting corpus to DIR
          replay PATH...                                   runs files (or every file in directories) through the checks
        """;

    /// <summary>Crash inputs written per run at most; all of them are counted.</summary>
    private const int MaxCrashFiles = 50;

    private static int Main(string[] args)
    {
        var command = args.Length == 0 ? "mutate" : args[0];
        try
        {
            return command switch
            {
                "mutate" => RunMutate(
                    IntOption(args, "--seconds", 60),
                    IntOption(args, "--seed", 1),
                    Option(args, "--crashes") ?? "fuzz-crashes"),
                "server" => RunServer(
                    IntOption(args, "--seconds", 60),
                    IntOption(args, "--seed", 1),
                    Option(args, "--crashes") ?? "fuzz-crashes"),
                "afl" => RunAfl(),
                "seeds" when args.Length == 2 => WriteSeeds(args[1]),
                "replay" when args.Length >= 2 => Replay(args[1..]),
                _ => PrintUsage(),
            };
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            return PrintUsage();
        }
    }

    private static int RunMutate(int seconds, int seed, string crashDirectory)
    {
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var corpus = Seeds.Fixed().Concat(CommandSeeds.All()).ToList();
        corpus.AddRange(Enumerable.Range(0, 200).Select(_ => Seeds.Random(random)));

        // A mutant that decodes to an outcome not seen before joins the corpus: a cheap stand-in for coverage.
        var outcomes = new HashSet<(string?, int, bool, int)>();
        long executions = 0, crashes = 0;
        var crashFiles = new HashSet<string>();
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        Console.WriteLine($"fuzz: own mutation loop, seed {seed}, {seconds} s, limits {ReaderOracle.Limits}");
        while ((executions & 255) != 0 || clock.Elapsed < limit)
        {
            var input = random.Next(20) switch
            {
                0 => Seeds.Random(random),
                1 => [(byte)random.Next(256), .. mutator.Noise()],
                _ => mutator.Mutate(corpus[random.Next(corpus.Count)], corpus[random.Next(corpus.Count)]),
            };

            executions++;
            try
            {
                var outcome = ReaderOracle.Check(input);
                var key = (outcome.ProtocolError, Math.Min(outcome.Commands, 8), outcome.Unconsumed > 0, Math.Min(input.Length / 64, 16));
                if (outcomes.Add(key) && corpus.Count < 100_000)
                {
                    corpus.Add(input);
                }
            }
            catch (Exception e)
            {
                crashes++;
                if (crashFiles.Count < MaxCrashFiles)
                {
                    crashFiles.Add(SaveCrash(crashDirectory, input, e));
                }
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fuzz: {executions} executions in {elapsed:F0} s ({executions / elapsed:F0}/s), {crashes} crashes, corpus {corpus.Count}"));
        foreach (var file in crashFiles)
        {
            Console.WriteLine($"crash input: {file}");
        }

        return crashes == 0 ? 0 : 1;
    }

    /// <summary>
    /// Mutations and splices of the command seeds, each sent on a fresh connection to the real server (in process, on a
    /// free loopback port, with a fake clock), checked by <see cref="ServerOracle"/>; the keyspace is emptied now and then.
    /// </summary>
    private static int RunServer(int seconds, int seed, string crashDirectory)
    {
        var random = new Random(seed);
        var mutator = new Mutator(random);
        var corpus = CommandSeeds.All().ToList();
        var server = new ServerFixture();
        server.InitializeAsync().GetAwaiter().GetResult();
        long executions = 0, crashes = 0, replies = 0;
        var crashFiles = new HashSet<string>();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"fuzz: the server, seed {seed}, {seconds} s, {corpus.Count} command seeds");
        byte[] flush = [0, .. "*1\r\n$8\r\nFLUSHALL\r\n*1\r\n$4\r\nPING\r\n"u8];
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var input = random.Next(4) == 0 ? corpus[random.Next(corpus.Count)] : mutator.Mutate(corpus[random.Next(corpus.Count)], corpus[random.Next(corpus.Count)]);
                executions++;
                try
                {
                    replies += ServerOracle.Check(server.EndPoint, input);
                    if (executions % 100 == 0 && ServerOracle.Check(server.EndPoint, flush) != 2)
                    {
                        throw new ServerInvariantException("FLUSHALL and PING after this input did not both answer");
                    }
                }
                catch (ServerInvariantException e)
                {
                    crashes++;
                    if (crashFiles.Count < MaxCrashFiles)
                    {
                        crashFiles.Add(SaveCrash(crashDirectory, input, e));
                    }
                }
            }
        }
        finally
        {
            server.DisposeAsync().GetAwaiter().GetResult();
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fuzz (server): {executions} inputs in {elapsed:F0} s ({executions / elapsed:F0}/s), {replies} replies, {crashes} crashes"));
        foreach (var file in crashFiles)
        {
            Console.WriteLine($"crash input: {file}");
        }

        return crashes == 0 ? 0 : 1;
    }

    private static int RunAfl()
    {
        // afl-fuzz runs this once per input through SharpFuzz's fork server; an escaping exception is a crash.
        Fuzzer.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            ReaderOracle.Check(input.ToArray());
        });
        return 0;
    }

    private static int WriteSeeds(string directory)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(1);
        var seeds = Seeds.Fixed().Concat(CommandSeeds.All()).Concat(Enumerable.Range(0, 20).Select(_ => Seeds.Random(random))).ToList();
        for (var i = 0; i < seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"seed-{i:D3}.bin"), seeds[i]);
        }

        Console.WriteLine($"{seeds.Count} seeds in {directory}");
        return 0;
    }

    private static int Replay(string[] paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order() : (IEnumerable<string>)[p]).ToList();
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                Console.WriteLine($"ok    {file}: {ReaderOracle.Check(File.ReadAllBytes(file))}");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"CRASH {file}: {e}");
            }
        }

        Console.WriteLine($"{files.Count} inputs, {failures} crashes");
        return failures == 0 ? 0 : 1;
    }

    private static string SaveCrash(string directory, byte[] input, Exception e)
    {
        Directory.CreateDirectory(directory);
        var name = "crash-" + Convert.ToHexStringLower(SHA256.HashData(input))[..16];
        var path = Path.Combine(directory, name + ".bin");
        File.WriteAllBytes(path, input);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), e.ToString());
        return path;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static int PrintUsage()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
