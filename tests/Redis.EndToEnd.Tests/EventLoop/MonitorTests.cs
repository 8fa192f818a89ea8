using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Redis.EndToEnd.Tests.Compat;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// <c>MONITOR</c> over the event loop: another connection's commands reach the monitor without it sending anything,
/// each line as redis-server 7.0 writes it for the same commands, apart from the time and the client's port.
/// </summary>
[TransportSpecific("A monitor hears other connections: the blocking transport serves one connection at a time.")]
public sealed partial class MonitorTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    private static readonly string[][] Script =
    [
        ["SET", "mon:a", "1"],
        ["SET", "mon:x y", "a\"b\n\x01\\"],
        ["GET", "mon:missing"],
        ["BOGUS", "x"],
        ["GET"],
        ["AUTH", "secret"],
        ["AUTH", "user", "secret"],
        ["HELLO", "2", "AUTH", "user", "secret", "SETNAME", "n"],
        ["CONFIG", "GET", "port"],
        ["SLOWLOG", "LEN"],
        ["CLIENT", "LIST"],
        ["CLIENT", "ID"],
        ["MULTI"],
        ["SET", "mon:k", "v"],
        ["MONITOR"],
        ["GET", "mon:k"],
        ["EXEC"],
        ["MULTI"],
        ["SET"],
        ["EXEC"],
        ["SELECT", "2"],
        ["INCR", "mon:q"],
        ["SELECT", "0"],
    ];

    [Fact]
    public void AnotherConnectionsCommandsReachTheMonitorAsRedisFormatsThem()
    {
        var ours = Record(server.Connect, server.EndPoint);
        Assert.Contains(ours, line => line.Contains("\"SET\" \"mon:a\" \"1\"", StringComparison.Ordinal));

        using var reference = new ReferenceRedisServer();
        if (reference.MissingReason is not null)
        {
            return;
        }

        Assert.Equal(Record(reference.Connect, reference.EndPoint), ours);
    }

    [Fact]
    public void MonitorAnswersOkAndShowsInClientListAsO()
    {
        using var monitor = server.Connect();
        Assert.Equal("+OK\r\n", monitor.Call("MONITOR"));
        using var other = server.Connect();
        Assert.Contains("flags=O ", other.Call("CLIENT", "LIST"), StringComparison.Ordinal);
    }

    [Fact]
    public void AMonitorMayNotTouchTheKeyspaceButMayPingAndQuit()
    {
        using var monitor = server.Connect();
        Assert.Equal("+OK\r\n", monitor.Call("MONITOR"));
        Assert.Equal("-ERR Replica can't interact with the keyspace\r\n", monitor.Call("GET", "mon:k"));
        monitor.SendCommand("PING");
        var replies = new[] { monitor.ReadReplyText(), monitor.ReadReplyText() };
        Assert.Contains("+PONG\r\n", replies);
        Assert.Contains(replies, r => r.EndsWith("\"PING\"\r\n", StringComparison.Ordinal));
        Assert.Equal("+OK\r\n", monitor.Call("QUIT"));
    }

    [Fact]
    public void RedisCliMonitorPrintsOtherConnectionsCommands()
    {
        using var cli = ExternalTool.Start(ExternalTool.Require("redis-cli"),
            ["-h", "127.0.0.1", "-p", server.EndPoint.Port.ToString(CultureInfo.InvariantCulture), "MONITOR"]);
        try
        {
            Assert.Equal("OK", cli.StandardOutput.ReadLine());
            using var client = server.Connect();
            client.Call("SET", "mon:cli", "v 1");
            var line = cli.StandardOutput.ReadLine() ?? string.Empty;
            Assert.Matches(@"^\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] ""SET"" ""mon:cli"" ""v 1""$", line);
        }
        finally
        {
            cli.Kill(entireProcessTree: true);
            cli.WaitForExit();
        }
    }

    /// <summary>Runs <see cref="Script"/> on one connection while another monitors; the monitor's lines, time and port masked.</summary>
    private static List<string> Record(Func<WireClient> connect, IPEndPoint endPoint)
    {
        using var monitor = connect();
        Assert.Equal("+OK\r\n", monitor.Call("MONITOR"));
        using (var client = connect())
        {
            foreach (var words in Script)
            {
                client.SendCommand(words);
                client.ReadReply();
            }

            client.SendCommand("ECHO", "mon:end");
            client.ReadReply();
        }

        var lines = new List<string>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var line = monitor.ReadReplyText();
            var masked = TimeAndPort().Replace(line, "+T [$1 127.0.0.1:P]");
            lines.Add(masked);
            if (line.Contains("\"mon:end\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        _ = endPoint;
        return lines;
    }

    [GeneratedRegex(@"^\+\d+\.\d{6} \[(\d+) 127\.0\.0\.1:\d+\]")]
    private static partial Regex TimeAndPort();
}
