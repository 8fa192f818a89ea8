using System.Diagnostics;
using System.Globalization;
using System.Net;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Cluster;

/// <summary>
/// Three server processes with <c>cluster-enabled yes</c>, each on a free port with its own bus port and directory,
/// joined by <c>redis-cli --cluster create ... --cluster-yes</c> as a user would; every node reports
/// <c>cluster_state:ok</c> before a test runs.
/// </summary>
public sealed class ClusterNodes : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly List<(Process Process, IDisposable Owner)> _servers = [];
    private readonly List<string[]> _arguments = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("cluster-e2e").FullName;

    public ClusterNodes()
    {
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var directory = Directory.CreateDirectory(Path.Combine(_directory, "node" + i.ToString(CultureInfo.InvariantCulture))).FullName;
                string[] arguments = ["--cluster-enabled", "yes", "--cluster-port", Text(ServerProcess.FreePort()), "--dir", directory, "--io-model", "event-loop", "--timeout", "0"];
                var (server, port) = ServerProcess.StartOnFreePort(arguments, Timeout);
                Own(server);
                _arguments.Add([.. arguments, "--port", Text(port)]);
                Ports.Add(port);
            }

            CreateOutput = ExternalTool.Run("redis-cli", ["--cluster", "create", .. Ports.Select(p => "127.0.0.1:" + Text(p)), "--cluster-yes"], Timeout);
            WaitUntil(() => Ports.All(p => Cli(p, "CLUSTER", "INFO").Contains("cluster_state:ok", StringComparison.Ordinal)), "every node reports cluster_state:ok");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The nodes' client ports, in the order given to <c>redis-cli --cluster create</c>.</summary>
    public List<int> Ports { get; } = [];

    public IEnumerable<IPEndPoint> EndPoints => Ports.Select(p => new IPEndPoint(IPAddress.Loopback, p));

    /// <summary>What <c>redis-cli --cluster create</c> printed and its exit code.</summary>
    public (int ExitCode, string Output, string Error) CreateOutput { get; }

    /// <summary>Stops node <paramref name="index"/> (SIGKILL) and starts it again with the same port, bus port and directory.</summary>
    public void Restart(int index)
    {
        var (old, owner) = _servers[index];
        old.Kill(entireProcessTree: true);
        old.WaitForExit();
        owner.Dispose();

        var server = ExternalTool.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll"), .. _arguments[index]]);
        if (!ServerProcess.WaitForLine(server, "Listening on 127.0.0.1:" + Text(Ports[index]), Timeout))
        {
            server.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The restarted node did not listen again: " + server.StandardError.ReadToEnd());
        }

        _servers.RemoveAt(index);
        Own(server, index);
    }

    /// <summary><c>redis-cli -p port words...</c>'s output, trimmed.</summary>
    public static string Cli(int port, params string[] words) =>
        ExternalTool.Run("redis-cli", ["-p", Text(port), .. words], Timeout).Output.Trim();

    /// <summary>The port of the node whose own line in <c>CLUSTER NODES</c> lists <paramref name="slot"/>.</summary>
    public int OwnerOf(int slot) => Ports.Single(port =>
    {
        var myself = Cli(port, "CLUSTER", "NODES").Split('\n').Single(line => line.Contains("myself", StringComparison.Ordinal));
        return myself.Split(' ').Skip(8).Any(range =>
            range.Split('-') is [var start, var end]
                ? int.Parse(start, CultureInfo.InvariantCulture) <= slot && slot <= int.Parse(end, CultureInfo.InvariantCulture)
                : int.Parse(range, CultureInfo.InvariantCulture) == slot);
    });

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (never a fixed sleep).</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        foreach (var (_, owner) in _servers)
        {
            owner.Dispose();
        }

        _servers.Clear();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Keeps the process to kill at the end; nobody reads its logs once it listens, so they are drained and a full pipe never stalls it.</summary>
    private void Own(Process server, int? index = null)
    {
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        _servers.Insert(index ?? _servers.Count, (server, ServerProcess.Owned(server)));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
