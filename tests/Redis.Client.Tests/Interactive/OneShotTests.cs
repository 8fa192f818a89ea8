using System.Globalization;
using Redis.Client.Tests.Support;

namespace Redis.Client.Tests.Interactive;

/// <summary>
/// <c>Redis.Client [-h H] [-p P] command...</c> against the real server. Every expected string is what redis-cli 7.0.15
/// printed for the same command against redis-server 7.0.15, on a terminal (<c>--no-raw</c>) and in a pipe (raw).
/// </summary>
[Collection(ServerCollection.Name)]
public class OneShotTests(ServerFixture server)
{
    [Fact]
    public void PrintsRepliesAsRedisCliDoesOnATerminal()
    {
        Assert.Equal("OK\n", Run("--no-raw", "SET", "oneshot:tty", "hello world"));
        Assert.Equal("\"hello world\"\n", Run("--no-raw", "GET", "oneshot:tty"));
        Assert.Equal("(integer) 1\n", Run("--no-raw", "EXPIRE", "oneshot:tty", "100"));
        Assert.Equal("(integer) 100\n", Run("--no-raw", "TTL", "oneshot:tty"));
        Assert.Equal("(integer) 1\n", Run("--no-raw", "DEL", "oneshot:tty"));
        Assert.Equal("(nil)\n", Run("--no-raw", "GET", "oneshot:tty"));
        Assert.Equal("(integer) -2\n", Run("--no-raw", "TTL", "oneshot:tty"));
        Assert.Equal("(error) ERR unknown command 'foo', with args beginning with: 'a' 'b' \n", Run("--no-raw", "foo", "a", "b"));
    }

    [Fact]
    public void PrintsRawRepliesWhenOutputIsNotATerminal()
    {
        Assert.Equal("OK\n", Run("SET", "oneshot:raw", "hello world"));
        Assert.Equal("hello world\n", Run("GET", "oneshot:raw"));
        Assert.Equal("1\n", Run("EXPIRE", "oneshot:raw", "100"));
        Assert.Equal("100\n", Run("TTL", "oneshot:raw"));
        Assert.Equal("1\n", Run("DEL", "oneshot:raw"));
        Assert.Equal("\n", Run("GET", "oneshot:raw"));
        Assert.Equal("ERR unknown command 'foo', with args beginning with: 'a' 'b' \n\n", Run("foo", "a", "b"));
    }

    [Fact]
    public void FormatsForPeopleWhenOutputIsATerminal()
    {
        using var console = new MemoryConsole(terminal: true);

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "ECHO", "on a terminal"));

        Assert.Equal("\"on a terminal\"\n", console.Output);
    }

    [Fact]
    public void PrintsInfoAndClientListVerbatimOnATerminalAsRedisCliDoes()
    {
        using var console = new MemoryConsole(terminal: true);

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "CLIENT", "LIST"));
        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "info", "keyspace"));

        // No quotes, no escapes, no delimiter: each reply's own bytes, the CRLFs of INFO included.
        Assert.Matches("^id=[0-9]+ addr=127\\.0\\.0\\.1:[0-9]+ [^\"\n]*\n# Keyspace\r\n(db[0-9]+:[^\n]*\r\n)*$", console.Output);
    }

    [Fact]
    public void PrintsRawOnATerminalWhenAskedTo()
    {
        using var console = new MemoryConsole(terminal: true);

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "--raw", "ECHO", "raw"));

        Assert.Equal("raw\n", console.Output);
    }

    [Fact]
    public void ExitsZeroAfterAnErrorReplyAsRedisCliDoes()
    {
        using var console = new MemoryConsole();

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "GET"));

        Assert.Equal("ERR wrong number of arguments for 'get' command\n\n", console.Output);
    }

    [Fact]
    public void SendsWordsAfterTheCommandNameAsTheyAreEvenWhenTheyLookLikeOptions()
    {
        Assert.Equal("-x\n--foo\n", Run("ECHO", "-x") + Run("ECHO", "--foo"));
    }

    [Fact]
    public void SendsWordsThatLookLikeOptionsAfterADoubleDash()
    {
        Assert.Equal("-p\n", Run("--", "ECHO", "-p"));
    }

    [Fact]
    public void RunsTheCommandOnTheDatabaseNamedByDashN()
    {
        Assert.Equal("OK\n", Run("-n", "1", "SET", "oneshot:db", "on db 1"));

        Assert.Equal("on db 1\n", Run("-n", "1", "GET", "oneshot:db"));
        Assert.Equal("\n", Run("GET", "oneshot:db"));
        Assert.Equal("1\n", Run("-n", "1", "DEL", "oneshot:db"));
    }

    [Fact]
    public void ReportsADatabaseTheServerRefusesAndRunsTheCommandOnDatabaseZeroAsRedisCliDoes()
    {
        using var console = new MemoryConsole();

        // redis-cli -n 99 against redis-server (16 databases): the command still runs, exit code 0.
        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "-n", "99", "ECHO", "on db 0"));

        Assert.Equal("on db 0\n", console.Output);
        Assert.Equal("SELECT 99 failed: ERR DB index is out of range\n", console.Error);
    }

    [Fact]
    public void ExitsOneWhenTheServerCannotBeReached()
    {
        using var console = new MemoryConsole();
        var port = ClientRun.ClosedPort();

        Assert.Equal(1, ClientRun.Run(console, "-p", port.ToString(CultureInfo.InvariantCulture), "GET", "k"));

        Assert.Equal("", console.Output);
        Assert.Equal($"Could not connect to Redis at 127.0.0.1:{port}: Connection refused\n", console.Error);
    }

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    private string Run(params string[] command)
    {
        using var console = new MemoryConsole();
        Assert.Equal(0, ClientRun.Run(console, ["-h", server.Host, "-p", Port, .. command]));
        Assert.Equal("", console.Error);
        return console.Output;
    }
}
