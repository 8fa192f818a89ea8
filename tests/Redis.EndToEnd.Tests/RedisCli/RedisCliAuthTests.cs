using System.Globalization;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RedisCli;

/// <summary>The real redis-cli against a server with <c>requirepass</c>: <c>-a</c>, <c>--user</c>/<c>--pass</c>, and what it prints without them.</summary>
public abstract class RedisCliAuthTests(ServerFixture server)
{
    public sealed class Blocking(PasswordServerFixture<BlockingTransport> server) : RedisCliAuthTests(server), IClassFixture<PasswordServerFixture<BlockingTransport>>;

    public sealed class EventLoop(PasswordServerFixture<EventLoopTransport> server) : RedisCliAuthTests(server), IClassFixture<PasswordServerFixture<EventLoopTransport>>;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void RunsCommandsWithThePassword()
    {
        Assert.Equal("OK", Cli(["-a", PasswordServerFixture.Password], "SET", "cli:auth", "v").Output.Trim());
        Assert.Equal("v", Cli(["--user", "default", "--pass", PasswordServerFixture.Password], "GET", "cli:auth").Output.Trim());
    }

    [Fact]
    public void PrintsNoAuthWithoutThePassword()
    {
        Assert.Equal("NOAUTH Authentication required.", Cli([], "GET", "cli:auth").Output.Trim());
    }

    [Fact]
    public void PrintsWrongPassForAWrongPassword()
    {
        var (_, output, error) = Cli(["-a", "wrong"], "PING");

        Assert.Contains("AUTH failed: WRONGPASS invalid username-password pair or user is disabled.", error, StringComparison.Ordinal);
        Assert.Equal("NOAUTH Authentication required.", output.Trim());
    }

    private (int ExitCode, string Output, string Error) Cli(string[] options, params string[] command) =>
        ExternalTool.Run(
            ExternalTool.Require("redis-cli"),
            ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "--no-auth-warning", .. options, .. command],
            Timeout);
}
