using System.Globalization;
using Redis.Testing;
using Redis.Testing.Soak;

namespace Redis.Soak;

/// <summary>Runs the model-based soak against the real server, in process, on a free loopback port with a fake clock.</summary>
internal static class Program
{
    private const string Usage = """
        Redis.Soak [operations] [--seed S] [--keys K] [--pipeline P]

          operations   commands to send (default 3000000)
          --seed       seeds every random choice; the same seed sends the same commands (default 1)
          --keys       size of the key pool (default 40)
          --pipeline   most commands per write (default 32)

        Prints the operations done, operations per second and mismatches; exits 1 on any mismatch.
        """;

    private static async Task<int> Main(string[] args)
    {
        SoakOptions options;
        try
        {
            options = Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + "\n\n" + Usage);
            return 2;
        }

        Console.WriteLine($"soak: {options.Operations} operations, seed {options.Seed}, {options.Keys} keys, pipeline up to {options.MaxPipeline}");
        var server = new ServerFixture();
        await server.InitializeAsync();
        SoakResult result;
        try
        {
            result = new SoakDriver(server.EndPoint, server.Clock, options).Run(progress => Console.WriteLine($"  {progress}"));
        }
        finally
        {
            await server.DisposeAsync();
        }

        foreach (var report in result.Reports)
        {
            Console.WriteLine(report);
        }

        Console.WriteLine($"soak: seed {options.Seed}: {result}");
        return result.Mismatches == 0 ? 0 : 1;
    }

    private static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions(Operations: 3_000_000);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--seed" => options with { Seed = Number(args, ++i) },
                "--keys" => options with { Keys = Number(args, ++i) },
                "--pipeline" => options with { MaxPipeline = Number(args, ++i) },
                var text when !text.StartsWith('-') => options with { Operations = long.Parse(text, CultureInfo.InvariantCulture) },
                var text => throw new FormatException($"unknown option {text}"),
            };
        }

        return options;
    }

    private static int Number(string[] args, int at) =>
        at < args.Length ? int.Parse(args[at], CultureInfo.InvariantCulture) : throw new FormatException($"{args[at - 1]} needs a value");
}
