using System.Globalization;
using System.Text;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Interactive;

/// <summary>
/// <c>--pipe</c>, mass insertion, against the real server. Expected output is what redis-cli 7.0.15 printed for the
/// same input against redis-server 7.0.15.
/// </summary>
[Collection(ServerCollection.Name)]
public class PipeModeTests(ServerFixture server)
{
    private const string Transferred = "All data transferred. Waiting for the last reply...\n";
    private const string LastReply = "Last reply received from server.\n";

    [Fact]
    public void SendsInlineAndRespAsTheyAreAndCountsTheReplies()
    {
        var input = "SET pipe:a 1\r\nGET pipe:a\r\nFOO\r\n*3\r\n$3\r\nSET\r\n$6\r\npipe:b\r\n$2\r\nbb\r\n";

        var (output, error, exit) = Pipe(input);

        Assert.Equal(1, exit);
        Assert.Equal(Transferred + LastReply + "errors: 1, replies: 4\n", output);
        Assert.Equal("ERR unknown command 'FOO', with args beginning with: \n", error);
        Assert.Equal("bb\n", Run("GET", "pipe:b"));
    }

    [Fact]
    public void ExitsZeroWhenEveryReplyIsGood()
    {
        var (output, error, exit) = Pipe("SET pipe:ok 1\r\n");

        Assert.Equal((0, Transferred + LastReply + "errors: 0, replies: 1\n", ""), (exit, output, error));
    }

    [Fact]
    public void SendsOnlyTheMarkerForEmptyInput()
    {
        var (output, _, exit) = Pipe("");

        Assert.Equal((0, Transferred + LastReply + "errors: 0, replies: 0\n"), (exit, output));
    }

    [Fact]
    public void SendsAndReceivesAtOnceSoALargeInputNeverStalls()
    {
        // Far more replies than socket buffers hold: a client that sent everything before reading would wait for ever.
        var input = new StringBuilder();
        for (var i = 0; i < 50_000; i++)
        {
            input.Append(CultureInfo.InvariantCulture, $"SET pipe:bulk:{i % 100} {i}\r\n");
        }

        var (output, _, exit) = Pipe(input.ToString());

        Assert.Equal((0, Transferred + LastReply + "errors: 0, replies: 50000\n"), (exit, output));
    }

    [Fact]
    public void ExitsOneWhenTheDatabaseCannotBeSelectedAsRedisCliDoes()
    {
        var (output, error, exit) = Pipe("SET pipe:never 1\r\n", "-n", "99");

        Assert.Equal((1, "", "SELECT 99 failed: ERR DB index is out of range\n"), (exit, output, error));
    }

    [Fact]
    public void ReportsAConnectionThatBreaksInOneLine()
    {
        using var stub = new StubServer(args => args[0].SequenceEqual("BOOM"u8) ? null : Reply.Ok);
        using var console = new MemoryConsole("SET a 1\r\nBOOM\r\n");

        var exit = ClientRun.Run(console, "-p", stub.Port.ToString(CultureInfo.InvariantCulture), "--pipe");

        Assert.Equal(1, exit);
        Assert.DoesNotContain(LastReply, console.Output, StringComparison.Ordinal);
        Assert.Matches("^Error (reading replies from|writing to the) server: [^\n]+\n$", console.Error);
    }

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    private (string Output, string Error, int Exit) Pipe(string input, params string[] options)
    {
        using var console = new MemoryConsole(input);
        var exit = ClientRun.Run(console, ["-p", Port, .. options, "--pipe"]);
        return (console.Output, console.Error, exit);
    }

    private string Run(params string[] command)
    {
        using var console = new MemoryConsole();
        ClientRun.Run(console, ["-p", Port, .. command]);
        return console.Output;
    }
}
