using System.Globalization;
using System.Text.RegularExpressions;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// <c>tcp-keepalive</c> on the server's side of a real connection, in both transports, read from the kernel with
/// <c>ss -tno</c>: its keepalive timer counts down from the configured idle time.
/// </summary>
public abstract partial class TcpKeepAliveTests(ServerFixture server, int seconds)
{
    [Fact]
    public void TheAcceptedSocketProbesAfterTheConfiguredIdleTime()
    {
        using var client = server.Connect();
        Assert.Equal("+PONG\r\n", client.Call("PING"));
        var clientPort = ((System.Net.IPEndPoint)client.Socket.LocalEndPoint!).Port;

        // The server's socket of this connection: source port the server's, destination the client's.
        var (exitCode, output, error) = ExternalTool.Run(
            ExternalTool.Require("ss", "iproute2"),
            ["-tnoH", "state", "established", $"( sport = :{server.Port} and dport = :{clientPort} )"],
            TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, error);
        var timer = KeepAliveTimer().Match(output);
        Assert.True(timer.Success, $"no keepalive timer on the server's socket: {output}");
        var left = (timer.Groups["min"].Success ? int.Parse(timer.Groups["min"].Value, CultureInfo.InvariantCulture) * 60 : 0)
                   + (timer.Groups["sec"].Success ? int.Parse(timer.Groups["sec"].Value, CultureInfo.InvariantCulture) : 0);
        Assert.InRange(left, seconds - 30, seconds);
        Assert.Equal($"*2\r\n$13\r\ntcp-keepalive\r\n${seconds.ToString(CultureInfo.InvariantCulture).Length}\r\n{seconds}\r\n", client.Call("CONFIG", "GET", "tcp-keepalive"));
    }

    /// <summary><c>timer:(keepalive,4min59sec,0)</c>, or <c>timer:(keepalive,59sec,0)</c> under a minute.</summary>
    [GeneratedRegex(@"timer:\(keepalive,(?:(?<min>\d+)min)?(?:(?<sec>\d+)sec)?")]
    private static partial Regex KeepAliveTimer();
}
