using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Twemproxy;

/// <summary>
/// A real nutcracker (twemproxy) process on a free loopback port, sharding over the given servers as
/// <c>scripts/twemproxy.sh</c> configures it: ketama over fnv1a_64, one connection per server, no ejection.
/// </summary>
/// <remarks>
/// Nutcracker opens its connection to a server at the first request for it and keeps it until it exits; a server on
/// the blocking transport serves nobody else meanwhile, so a test reads the servers directly after disposing this.
/// </remarks>
public sealed class Nutcracker : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _directory;

    private Nutcracker(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>Why the tests are skipped: nutcracker is not on PATH and CI is not set (in CI they fail instead); null otherwise.</summary>
    public static string? SkipReason { get; } =
        ExternalTool.Find("nutcracker") is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? "nutcracker (twemproxy) is not on PATH; ./test.sh installs it (Debian package nutcracker)."
            : null;

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    /// <summary>
    /// Starts nutcracker in front of <paramref name="servers"/> and waits until it answers PING (nutcracker answers it
    /// itself). Another process can take the port between the probe and nutcracker's bind; this then tries another.
    /// </summary>
    public static Nutcracker Start(IEnumerable<IPEndPoint> servers)
    {
        var executable = ExternalTool.Require("nutcracker", "nutcracker");
        var serverLines = servers.Select((s, i) => $"    - {s}:1 shard{i + 1}").ToList();
        for (var attempt = 1; ; attempt++)
        {
            var port = ServerProcess.FreePort();
            var directory = Directory.CreateTempSubdirectory("nutcracker-").FullName;
            var configuration = Path.Combine(directory, "nutcracker.yml");
            var log = Path.Combine(directory, "nutcracker.log");
            File.WriteAllText(configuration, string.Join('\n',
            [
                "shards:",
                $"  listen: 127.0.0.1:{port}",
                "  hash: fnv1a_64",
                "  distribution: ketama",
                "  redis: true",
                "  auto_eject_hosts: false",
                "  server_connections: 1",
                "  servers:",
                .. serverLines,
                string.Empty,
            ]));
            var statsPort = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
            var process = ExternalTool.Start(executable, ["-c", configuration, "-s", statsPort, "-a", "127.0.0.1", "-o", log]);
            var nutcracker = new Nutcracker(process, directory, port);
            if (nutcracker.AnswersPing())
            {
                return nutcracker;
            }

            nutcracker.Dispose();
            var output = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            if (attempt == 3 || !output.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"nutcracker did not answer PING on port {port} (attempt {attempt}): {output}");
            }
        }
    }

    public WireClient Connect() => new(EndPoint);

    /// <summary>Stops nutcracker, which closes its connections to the servers.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private bool AnswersPing()
    {
        var deadline = Stopwatch.StartNew();
        while (!_process.HasExited && deadline.Elapsed < StartTimeout)
        {
            try
            {
                using var client = Connect();
                return client.Call("PING") == "+PONG\r\n";
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        return false;
    }
}
