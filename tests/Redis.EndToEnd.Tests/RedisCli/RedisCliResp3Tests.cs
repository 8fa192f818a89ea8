using System.Globalization;
using Redis.EndToEnd.Tests.Compat;
using Redis.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Redis.EndToEnd.Tests.RedisCli;

/// <summary>
/// <c>redis-cli -3</c> prints the same against this server as against redis-server 7.0.15, and so does this project's
/// client with <c>-3</c>: the same script on standard input, printed raw (a pipe) and formatted (<c>--no-raw</c>).
/// </summary>
/// <remarks>Without redis-server on PATH there is nothing to compare with: see <see cref="DifferentialTests"/>.</remarks>
public abstract class RedisCliResp3Tests(ISystemClockServers servers, ITestOutputHelper output)
{
    public sealed class Blocking(SystemClockServerFixture<BlockingTransport> servers, ITestOutputHelper output)
        : RedisCliResp3Tests(servers, output), IClassFixture<SystemClockServerFixture<BlockingTransport>>;

    public sealed class EventLoop(SystemClockServerFixture<EventLoopTransport> servers, ITestOutputHelper output)
        : RedisCliResp3Tests(servers, output), IClassFixture<SystemClockServerFixture<EventLoopTransport>>;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Replies of every RESP3 kind this server answers, none of them depending on the connection or the clock.</summary>
    private const string Script = """
        FLUSHALL
        SET k v
        GET k
        GET missing
        MGET k missing
        SET k2 v GET
        CONFIG GET appendonly
        CONFIG GET nosuchsetting
        INCRBYFLOAT f 1.5
        EXISTS k missing
        KEYS nomatch*
        SCAN 0 MATCH nomatch*
        CLIENT LIST ID 0
        CLIENT GETNAME
        COMMAND INFO nosuch
        COMMAND DOCS nosuch
        COMMAND INFO get
        COMMAND DOCS get set
        COMMAND GETKEYSANDFLAGS smove a b c
        TTL missing
        PING
        ECHO "a b"
        MULTI
        SET t 1
        GET missing
        CONFIG GET nosuchsetting
        EXEC
        HELLO 4
        GET

        """;

    public static TheoryData<string> Forms => ["raw", "--no-raw"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void RedisCliPrintsTheSameAsAgainstRedisServer(string form)
    {
        if (Expected(form) is not { } expected)
        {
            return;
        }

        Assert.Equal(expected, Run(ExternalTool.Require("redis-cli"), Arguments(servers.Port, form)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void ClientPrintsTheSameAsRedisCliAgainstRedisServer(string form)
    {
        if (Expected(form) is not { } expected)
        {
            return;
        }

        var client = Path.Combine(AppContext.BaseDirectory, "Redis.Client.dll");
        Assert.Equal(expected, Run("dotnet", [client, .. Arguments(servers.Port, form)]));
    }

    private static string[] Arguments(int port, string form) =>
        ["-3", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. form == "raw" ? Array.Empty<string>() : [form]];

    /// <summary>What redis-cli -3 prints against redis-server; null (with a notice) when redis-server is missing outside CI.</summary>
    private string? Expected(string form)
    {
        if (servers.Reference.MissingReason is { } reason)
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "CI is set, but " + reason);
            output.WriteLine("NOT COMPARED: " + reason);
            return null;
        }

        var expected = Run(ExternalTool.Require("redis-cli"), Arguments(servers.Reference.EndPoint.Port, form));

        // The script ran in RESP3: CONFIG GET's map is printed as one, not as RESP2's flat list.
        Assert.Contains(form == "raw" ? "\nappendonly no\n" : "\n1# \"appendonly\" => \"no\"\n", expected, StringComparison.Ordinal);
        return expected;
    }

    private static string Run(string program, string[] arguments)
    {
        using var process = ExternalTool.Start(program, arguments);
        var printed = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(Script.ReplaceLineEndings("\n"));
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {Timeout}.");
        }

        return printed.Result + errors.Result;
    }
}
