using System.Diagnostics;

namespace Redis.EndToEnd.Tests.Support;

/// <summary>Runs a command-line program (redis-cli, redis-benchmark, the server itself) and captures what it prints.</summary>
public static class ExternalTool
{
    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Start(fileName, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public static Process Start(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    }

    /// <summary>The full path of a program on PATH, with a message saying how to get it when it is missing.</summary>
    public static string Require(string program, string package = "redis-tools") =>
        Find(program) ?? throw new InvalidOperationException(
            package == "redis-tools"
                ? $"{program} is not installed. Run the tests with ./test.sh, which installs it (Debian package redis-tools)."
                : $"{program} is not installed (Debian package {package}).");

    /// <summary>The full path of a program on PATH; null when it is missing.</summary>
    public static string? Find(string program) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, program))
        .FirstOrDefault(File.Exists);
}
