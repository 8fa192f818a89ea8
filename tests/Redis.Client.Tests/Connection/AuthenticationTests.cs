using System.Globalization;
using Redis.Client.Connection;
using Redis.Client.Tests.Support;

namespace Redis.Client.Tests.Connection;

/// <summary>
/// <c>-a</c>, <c>--user</c>, <c>--pass</c> and <c>REDISCLI_AUTH</c> against the real server with <c>requirepass</c>. The
/// expected output and errors are what redis-cli 7.0.15 printed against redis-server 7.0.15 started with the same password.
/// </summary>
public sealed class AuthenticationTests(PasswordServerFixture server) : IClassFixture<PasswordServerFixture>
{
    private const string Warning = "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void AuthenticatesWithThePasswordAndWarnsAsRedisCliDoes()
    {
        var (output, error) = Run("-a", PasswordServerFixture.Password, "SET", "auth:k", "v");

        Assert.Equal("OK\n", output);
        Assert.Equal(Warning, error);
    }

    [Fact]
    public void ReportsARefusedPasswordThenTheServersNoAuth()
    {
        var (output, error) = Run("-a", "wrong", "GET", "auth:k");

        Assert.Equal("NOAUTH Authentication required.\n\n", output);
        Assert.Equal(Warning + "AUTH failed: WRONGPASS invalid username-password pair or user is disabled.\n", error);
    }

    [Fact]
    public void SendsTheUserWithThePasswordAndCanSkipTheWarning()
    {
        Run("-a", PasswordServerFixture.Password, "SET", "auth:user", "v");

        Assert.Equal(("v\n", ""), Run("--user", "default", "--pass", PasswordServerFixture.Password, "--no-auth-warning", "GET", "auth:user"));
        Assert.Equal(
            ("NOAUTH Authentication required.\n\n", "AUTH failed: WRONGPASS invalid username-password pair or user is disabled.\n"),
            Run("--user", "bob", "-a", PasswordServerFixture.Password, "--no-auth-warning", "GET", "auth:user"));
    }

    [Fact]
    public void AuthenticatesEveryLineOfAPipeOnOneConnection()
    {
        using var console = new MemoryConsole("SET auth:pipe 1\nINCR auth:pipe\n");

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "-a", PasswordServerFixture.Password, "--no-auth-warning"));
        Assert.Equal("OK\n2\n", console.Output);
    }

    [Fact]
    public void TheBenchmarkAuthenticatesToo()
    {
        var (output, error) = Run("--benchmark", "--key-sizes", "1KB", "--value-sizes", "1KB", "--repeat", "1", "--csv", "-a", PasswordServerFixture.Password, "--no-auth-warning");

        Assert.Equal("", error);
        Assert.EndsWith(",0\n", output.Split('\n')[1] + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void BuildsTheAuthCommandWithOrWithoutAUser()
    {
        Assert.Equal([[.. "AUTH"u8], [.. "pw"u8]], new Credentials(null, "pw").AuthCommand.ToArrays());
        Assert.Equal([[.. "AUTH"u8], [.. "u"u8], [.. "pw"u8]], new Credentials("u", "pw").AuthCommand.ToArrays());
    }

    private (string Output, string Error) Run(params string[] arguments)
    {
        using var console = new MemoryConsole();
        Assert.Equal(0, ClientRun.Run(console, ["-p", Port, .. arguments]));
        return (console.Output, console.Error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
