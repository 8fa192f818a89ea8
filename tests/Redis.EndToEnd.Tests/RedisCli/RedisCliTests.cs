using System.Globalization;
using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RedisCli;

/// <summary>The real redis-cli and redis-benchmark (Debian's redis-tools, installed by test.sh) against the server.</summary>
public abstract class RedisCliTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : RedisCliTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : RedisCliTests(server);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("SET cli:k hello", "OK")]
    [InlineData("GET cli:missing", "")]
    [InlineData("EXPIRE cli:missing 10", "0")]
    [InlineData("TTL cli:missing", "-2")]
    [InlineData("DEL cli:missing", "0")]
    [InlineData("EXISTS cli:missing", "0")]
    [InlineData("SET cli:k v EX 0", "ERR invalid expire time in 'set' command")]
    [InlineData("GET", "ERR wrong number of arguments for 'get' command")]
    [InlineData("FOO a", "ERR unknown command 'FOO', with args beginning with: 'a' ")]
    public void RedisCliPrintsWhatRedisWouldReply(string command, string expected)
    {
        var (_, output, _) = Cli(command.Split(' '));
        Assert.Equal(expected, output.TrimEnd('\n'));
    }

    [Fact]
    public void RedisCliSetGetExpireTtlDelRoundTrip()
    {
        Assert.Equal("OK", Cli("SET", "cli:round", "value").Output.Trim());
        Assert.Equal("value", Cli("GET", "cli:round").Output.Trim());
        Assert.Equal("1", Cli("EXPIRE", "cli:round", "100").Output.Trim());
        Assert.Equal("100", Cli("TTL", "cli:round").Output.Trim());
        Assert.Equal("1", Cli("DEL", "cli:round").Output.Trim());
        Assert.Equal("0", Cli("EXISTS", "cli:round").Output.Trim());
    }

    [Fact]
    public void RedisBenchmarkRunsPipelinedWithoutErrors()
    {
        var (exitCode, output, error) = ExternalTool.Run(
            ExternalTool.Require("redis-benchmark"),
            ["-h", "127.0.0.1", "-p", Port, "-c", "1", "-P", "16", "-n", "2000", "-t", "set,get", "-q"],
            Timeout);

        Assert.True(exitCode == 0, error);
        Assert.Contains("SET:", output, StringComparison.Ordinal);
        Assert.Contains("GET:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERR", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void RedisCliEvalRunsAScriptFileWithKeysAndArguments()
    {
        var script = Path.Combine(Path.GetTempPath(), $"cli-eval-{Guid.NewGuid():N}.lua");
        File.WriteAllText(script, "redis.call('SET', KEYS[1], ARGV[1])\nreturn {KEYS[1], redis.call('GET', KEYS[1]), #KEYS, #ARGV}\n");
        try
        {
            var (exitCode, output, _) = Cli("--eval", script, "cli:eval:k", ",", "payload");

            Assert.Equal(0, exitCode);
            Assert.Equal("cli:eval:k\npayload\n1\n1", output.TrimEnd('\n'));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private string Port => server.EndPoint.Port.ToString(CultureInfo.InvariantCulture);

    private (int ExitCode, string Output, string Error) Cli(params string[] command) =>
        ExternalTool.Run(ExternalTool.Require("redis-cli"), ["-h", "127.0.0.1", "-p", Port, .. command], Timeout);
}
