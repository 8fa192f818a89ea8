using System.Globalization;
using Redis.Client.Tests.Support;

namespace Redis.Client.Tests.Interactive;

/// <summary>
/// <c>printf '...' | Redis.Client</c> against the real server: one command a line, replies in order. Expected strings
/// are what redis-cli 7.0.15 printed for the same input against redis-server 7.0.15.
/// </summary>
[Collection(ServerCollection.Name)]
public class PipedTests(ServerFixture server)
{
    [Fact]
    public void RunsEachLineAndPrintsEachReplyRaw()
    {
        var (output, error, exit) = Pipe("SET piped:a 1\nGET piped:a\nGET piped:zz\nfoo\nSET piped:b \"hello world\"\nGET piped:b\n");

        Assert.Equal(0, exit);
        Assert.Equal("OK\n1\n\nERR unknown command 'foo', with args beginning with: \n\nOK\nhello world\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void FormatsForPeopleWithNoRaw()
    {
        var (output, _, _) = Pipe("SET piped:c 1\nGET piped:c\nGET piped:none\nEXPIRE piped:c 100\nTTL piped:c\nDEL piped:c\n", "--no-raw");

        Assert.Equal("OK\n\"1\"\n(nil)\n(integer) 1\n(integer) 100\n(integer) 1\n", output);
    }

    [Fact]
    public void SplitsQuotedArgumentsAndEscapesAsRedisCliDoes()
    {
        var (output, _, _) = Pipe("SET piped:q \"tab\\there\\x41\"\nGET piped:q\nSET piped:s 'it\\'s'\nGET piped:s\nDEL piped:q piped:s\n", "--no-raw");

        Assert.Equal("OK\n\"tab\\thereA\"\nOK\n\"it's\"\n(integer) 2\n", output);
    }

    [Fact]
    public void ReportsUnbalancedQuotesAndGoesOn()
    {
        var (output, _, exit) = Pipe("SET piped:u \"unbalanced\nECHO next\n");

        Assert.Equal(0, exit);
        Assert.Equal("Invalid argument(s)\nnext\n", output);
    }

    [Fact]
    public void SkipsBlankLinesAndHandlesWindowsLineEndings()
    {
        var (output, _, _) = Pipe("\r\n   \r\nECHO one\r\nECHO two");

        Assert.Equal("one\ntwo\n", output);
    }

    [Fact]
    public void StopsAtQuitWithoutSendingIt()
    {
        var (output, _, exit) = Pipe("ECHO before\nquit\nECHO after\n");

        Assert.Equal(0, exit);
        Assert.Equal("before\n", output);
    }

    [Fact]
    public void AnswersHelpWithoutTheServer()
    {
        var (output, _, _) = Pipe("help get\n");

        Assert.Equal("\n  GET key\n  summary: Get the value of a key\n  group: string\n\n", output);
    }

    [Fact]
    public void ReportsEveryFailedConnectionAndExitsZeroAsRedisCliDoes()
    {
        var port = ClientRun.ClosedPort();
        using var console = new MemoryConsole("GET a\nGET b\n");

        var exit = ClientRun.Run(console, "-p", port.ToString(CultureInfo.InvariantCulture));

        var refused = $"Could not connect to Redis at 127.0.0.1:{port}: Connection refused\n";
        Assert.Equal(0, exit);
        Assert.Equal("", console.Output);
        Assert.Equal(refused + refused + refused, console.Error);
    }

    [Fact]
    public void RepeatsACommandGivenALeadingCountAsRedisCliDoes()
    {
        var (output, _, _) = Pipe("DEL piped:r\n3 INCR piped:r\n0 PING\n-1 PING\n3x PING\n2\n");

        Assert.Equal(
            "0\n1\n2\n3\n" +
            "Invalid redis-cli repeat command option value.\nInvalid redis-cli repeat command option value.\n" +
            "ERR unknown command '3x', with args beginning with: 'PING' \n\n" +
            "ERR unknown command '2', with args beginning with: \n\n",
            output);
    }

    [Fact]
    public void ConnectSwitchesServersAsRedisCliDoes()
    {
        var closed = ClientRun.ClosedPort().ToString(CultureInfo.InvariantCulture);
        var port = server.Port.ToString(CultureInfo.InvariantCulture);

        var (output, error, exit) = Pipe($"connect 127.0.0.1 {closed}\nPING\nconnect 127.0.0.1 {port}\nECHO back\n");

        Assert.Equal(0, exit);
        Assert.Equal("back\n", output);
        Assert.Equal(
            $"Could not connect to Redis at 127.0.0.1:{closed}: Connection refused\nCould not connect to Redis at 127.0.0.1:{closed}: Connection refused\n",
            error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private (string Output, string Error, int Exit) Pipe(string input, params string[] options)
    {
        using var console = new MemoryConsole(input);
        var exit = ClientRun.Run(console, ["-p", server.Port.ToString(CultureInfo.InvariantCulture), .. options]);
        return (console.Output, console.Error, exit);
    }
}
