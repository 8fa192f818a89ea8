using System.Globalization;
using System.Net;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.CommandLine;

/// <summary><c>--clock manual</c>: a server process whose clock moves only by <c>DEBUG CLOCK ADVANCE</c>, for tests in any language.</summary>
public sealed class ManualClockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");

    [Fact]
    public void AManualClockWithoutDebugCommandsIsRefusedWithOneLine()
    {
        var (exitCode, output, error) = ExternalTool.Run("dotnet", [ServerDll, "--port", "0", "--clock", "manual"], Timeout);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "Invalid settings: The field Clock (clock) can be 'manual' only with enable-debug-command yes or local: whoever may move the clock may expire every key.",
            error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blocking")]
    [InlineData("event-loop")]
    public void DebugClockAdvanceMovesTheServersTimeAndExpiresKeys(string ioModel)
    {
        var (server, port) = ServerProcess.StartOnFreePort(["--io-model", ioModel, "--clock", "manual", "--enable-debug-command", "local"], Timeout);
        using var _ = ServerProcess.Owned(server);
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, port));

        var start = Milliseconds(client.Call("DEBUG", "CLOCK"));
        Assert.Equal("+OK\r\n", client.Call("SET", "session", "v", "PX", "10000"));
        Assert.Equal("+OK\r\n", client.Call("SET", "kept", "v"));

        // The clock stands still between commands.
        Assert.Equal(start, Milliseconds(client.Call("DEBUG", "CLOCK")));
        Assert.Equal(":10000\r\n", client.Call("PTTL", "session"));

        Assert.Equal($":{start + 10000}\r\n", client.Call("DEBUG", "CLOCK", "ADVANCE", "10000"));
        Assert.Equal(":0\r\n", client.Call("PTTL", "session"));

        // A move past two ticks (200 ms at hz 10) expires every key whose time has passed before the next command.
        Assert.Equal($":{start + 11000}\r\n", client.Call("DEBUG", "CLOCK", "ADVANCE", "1000"));
        Assert.Equal(":1\r\n", client.Call("DBSIZE"));
        Assert.Equal("$-1\r\n", client.Call("GET", "session"));
        Assert.StartsWith($"*2\r\n$10\r\n{(start + 11000) / 1000}\r\n", client.Call("TIME"), StringComparison.Ordinal);
        Assert.Equal("*2\r\n$5\r\nclock\r\n$6\r\nmanual\r\n", client.Call("CONFIG", "GET", "clock"));

        Assert.Equal("-ERR the clock only moves forward\r\n", client.Call("DEBUG", "CLOCK", "ADVANCE", "-1"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", client.Call("DEBUG", "CLOCK", "ADVANCE", "soon"));
        Assert.Equal("-ERR syntax error\r\n", client.Call("DEBUG", "CLOCK", "BACK", "1"));
    }

    [Fact]
    public void OnTheMachinesClockDebugClockReadsButDoesNotMove()
    {
        var (server, port) = ServerProcess.StartOnFreePort(["--enable-debug-command", "local"], Timeout);
        using var _ = ServerProcess.Owned(server);
        using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, port));

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.InRange(Milliseconds(client.Call("DEBUG", "CLOCK")), now - 60_000, now + 60_000);
        Assert.Equal(
            "-ERR the server runs on the machine's clock: start it with --clock manual to move it\r\n",
            client.Call("DEBUG", "CLOCK", "ADVANCE", "1000"));
    }

    private static long Milliseconds(string reply) => long.Parse(reply.AsSpan(1).Trim(), CultureInfo.InvariantCulture);
}
