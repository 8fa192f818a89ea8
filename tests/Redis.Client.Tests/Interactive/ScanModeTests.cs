using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Redis.Client.Tests.Support;
using Redis.Protocol;

namespace Redis.Client.Tests.Interactive;

/// <summary><c>--scan</c>, with <c>--pattern</c> and <c>--count</c>: redis-cli's <c>scanMode</c>. Output as redis-cli 7.0.15 printed it.</summary>
[Collection(ServerCollection.Name)]
public class ScanModeTests(ServerFixture server)
{
    private readonly ConcurrentQueue<string> _sent = new();

    [Fact]
    public void FollowsTheCursorToZeroAndPrintsEachKeyOnALine()
    {
        using var stub = TwoBatches();
        using var console = new MemoryConsole();
        var waits = new List<TimeSpan>();

        var exit = ClientRun.Run(console, waits.Add, "-p", Port(stub), "--scan", "--pattern", "k*", "--count", "5", "-i", "0.5");

        Assert.Equal(0, exit);
        Assert.Equal("a\nsp ace\nb\n", console.Output);
        Assert.Equal(["SCAN 0 MATCH k* COUNT 5", "SCAN 17 MATCH k* COUNT 5"], _sent);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.5)], waits);
    }

    [Fact]
    public void QuotesKeysOnATerminalAndSendsNoMatchOrCountUnlessAsked()
    {
        using var stub = TwoBatches();
        using var console = new MemoryConsole(terminal: true);

        Assert.Equal(0, ClientRun.Run(console, "-p", Port(stub), "--scan"));

        Assert.Equal("\"a\"\n\"sp ace\"\n\"b\"\n", console.Output);
        Assert.Equal(["SCAN 0", "SCAN 17"], _sent);
    }

    [Fact]
    public void ReportsAnErrorReplyAsRedisCliDoesAndExitsOne()
    {
        using var stub = new StubServer(_ => Reply.Error("ERR syntax error"));
        using var console = new MemoryConsole();

        Assert.Equal(1, ClientRun.Run(console, "-p", Port(stub), "--scan", "--pattern", "*", "--count", "0"));

        Assert.Equal(("", "SCAN error: ERR syntax error\n"), (console.Output, console.Error));
    }

    [Fact]
    public void ListsTheServersMatchingKeys()
    {
        using (var setup = new MemoryConsole())
        {
            ClientRun.Run(setup, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "MSET", "scanmode:1", "a", "scanmode:2", "b", "scanmode:3", "c", "other", "d");
        }

        using var console = new MemoryConsole();

        Assert.Equal(0, ClientRun.Run(console, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "--scan", "--pattern", "scanmode:*", "--count", "2"));

        // SCAN promises every key, in no particular order.
        Assert.Equal(["scanmode:1", "scanmode:2", "scanmode:3"], console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.EndsWith("\n", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitsOneWhenTheDatabaseCannotBeSelectedAsRedisCliDoes()
    {
        using var console = new MemoryConsole();

        Assert.Equal(1, ClientRun.Run(console, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-n", "99", "--scan"));

        Assert.Equal(("", "SELECT 99 failed: ERR DB index is out of range\n"), (console.Output, console.Error));
    }

    private static string Port(StubServer stub) => stub.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Answers the first SCAN with cursor 17 and two keys, the second with cursor 0 and one; logs each request.</summary>
    private StubServer TwoBatches() => new(args =>
    {
        var words = args.ToArrays().Select(Encoding.UTF8.GetString).ToArray();
        _sent.Enqueue(string.Join(' ', words));
        return words[1] == "0"
            ? Reply.Array([Reply.Bulk("17"), Reply.Array([Reply.Bulk("a"), Reply.Bulk("sp ace")])])
            : Reply.Array([Reply.Bulk("0"), Reply.Array([Reply.Bulk("b")])]);
    });
}
