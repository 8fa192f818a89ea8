using System.Globalization;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Interactive;

/// <summary>
/// <c>-r</c>, <c>-i</c> and <c>-x</c> on a one-shot command. Expected strings are what redis-cli 7.0.15 printed for the
/// same command line against redis-server 7.0.15; waits are recorded, never slept.
/// </summary>
[Collection(ServerCollection.Name)]
public class RepeatTests(ServerFixture server)
{
    private readonly List<TimeSpan> _waits = [];

    [Fact]
    public void RunsTheCommandTheNumberOfTimesGiven()
    {
        var (output, exit) = Run("-r", "3", "INCR", "repeat:counter");

        Assert.Equal((0, "1\n2\n3\n"), (exit, output));
        Assert.Empty(_waits);
    }

    [Fact]
    public void WaitsTheIntervalAfterEachReplyTheLastIncluded()
    {
        var (output, _) = Run("-r", "3", "-i", "0.25", "ECHO", "tick");

        Assert.Equal("tick\ntick\ntick\n", output);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], _waits);
    }

    [Fact]
    public void WaitsOnceAfterACommandWithAnIntervalAndNoRepeat()
    {
        var (output, _) = Run("-i", "2", "ECHO", "once");

        Assert.Equal("once\n", output);
        Assert.Equal([TimeSpan.FromSeconds(2)], _waits);
    }

    [Fact]
    public void SendsNothingForARepeatOfZero()
    {
        var (output, exit) = Run("-r", "0", "INCR", "repeat:never");

        Assert.Equal((0, ""), (exit, output));
        Assert.Equal("0\n", Run("EXISTS", "repeat:never").Output);
    }

    [Fact]
    public void RepeatsForEverWithMinusOneUntilTheConnectionFails()
    {
        var count = 0;
        using var stub = new StubServer(_ => ++count > 3 ? null : Reply.Integer(count));
        using var console = new MemoryConsole();

        var exit = ClientRun.Run(console, _waits.Add, "-p", stub.Port.ToString(CultureInfo.InvariantCulture), "-r", "-1", "-i", "0.1", "INCR", "k");

        Assert.Equal(1, exit);
        Assert.Equal("1\n2\n3\n", console.Output);
        Assert.Equal("Error: Server closed the connection\n", console.Error);
        Assert.Equal(3, _waits.Count);
    }

    [Fact]
    public void ReadsTheLastArgumentFromStandardInputUnchanged()
    {
        using var console = new MemoryConsole("hello\nworld\n");

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "-x", "SET", "repeat:stdin"));
        Assert.Equal("\"hello\\nworld\\n\"\n", Run("--no-raw", "GET", "repeat:stdin").Output);
        Assert.Equal("OK\n", console.Output);
    }

    [Fact]
    public void ReadsStandardInputOnceForAllRepeats()
    {
        using var console = new MemoryConsole("abc");

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "-x", "-r", "2", "ECHO"));

        Assert.Equal("abc\nabc\n", console.Output);
    }

    [Fact]
    public void ReadsLinesAsCommandsWithMinusXAndNoCommand()
    {
        using var console = new MemoryConsole("ECHO a\n");

        Assert.Equal(0, ClientRun.Run(console, "-p", Port, "-x"));

        Assert.Equal("a\n", console.Output);
    }

    [Theory]
    [InlineData("-i", "soon", "-i must be a number of seconds, 0 or more (such as 1 or 0.5), not 'soon'.")]
    [InlineData("-i", "-1", "-i must be a number of seconds, 0 or more (such as 1 or 0.5), not '-1'.")]
    [InlineData("-r", "many", "Cannot parse argument 'many' for option '-r' as expected type 'System.Int64'.")]
    [InlineData("-n", "one", "Cannot parse argument 'one' for option '-n' as expected type 'System.Int32'.")]
    [InlineData("--count", "ten", "Cannot parse argument 'ten' for option '--count' as expected type 'System.Int32'.")]
    public void RefusesANumberOptionThatIsNotANumberInOneLine(string option, string value, string error)
    {
        using var console = new MemoryConsole();

        Assert.Equal(1, ClientRun.Run(console, "-p", Port, option, value, "PING"));

        Assert.Equal(("", error + "\n"), (console.Output, console.Error.ReplaceLineEndings("\n")));
    }

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    private (string Output, int Exit) Run(params string[] command)
    {
        using var console = new MemoryConsole();
        var exit = ClientRun.Run(console, _waits.Add, ["-p", Port, .. command]);
        Assert.Equal("", console.Error);
        return (console.Output, exit);
    }
}
