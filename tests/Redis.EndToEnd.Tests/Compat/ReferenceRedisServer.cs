using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Compat;

/// <summary>A real <c>redis-server</c> started as a child process on a free loopback port, without persistence.</summary>
/// <remarks>
/// When redis-server is not on PATH, <see cref="MissingReason"/> says so instead of throwing: the differential tests
/// then fail in CI (where ./test.sh installs it) and pass with a written notice elsewhere.
/// </remarks>
public sealed class ReferenceRedisServer : IDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;

    public ReferenceRedisServer()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            MissingReason = "redis-server is not on PATH, so the replies were not compared with Redis. " +
                "./test.sh installs it (Debian package redis-server), as CI does.";
            return;
        }

        var port = FreePort();
        _directory = Directory.CreateTempSubdirectory("redis-compat-").FullName;
        _process = ExternalTool.Start(executable,
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", _directory,
            "--daemonize", "no",
        ]);
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
        WaitUntilServing();
        Version = ReadVersion();
    }

    /// <summary>Why there is no server to compare with; null when it is running.</summary>
    public string? MissingReason { get; }

    public IPEndPoint EndPoint { get; } = new(IPAddress.Loopback, 0);

    /// <summary>The <c>redis_version</c> the reference reports.</summary>
    public string Version { get; } = string.Empty;

    public WireClient Connect() => new(EndPoint);

    public void Dispose()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilServing()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = Connect();
                if (client.Call("PING") == "+PONG\r\n")
                {
                    return;
                }
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20) && !_process!.HasExited)
            {
            }

            Thread.Sleep(50);
        }
    }

    private string ReadVersion()
    {
        using var client = Connect();
        var info = client.Call("INFO", "server");
        var line = info.Split("\r\n").FirstOrDefault(l => l.StartsWith("redis_version:", StringComparison.Ordinal));
        return line?["redis_version:".Length..] ?? "unknown";
    }
}
