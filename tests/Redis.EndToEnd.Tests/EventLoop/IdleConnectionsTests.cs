using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Redis.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// Ten thousand idle connections beside one busy client, on the server as a user runs it (its own process, so its
/// descriptors and memory are its own): every one is accepted and kept, the busy client is answered, and an idle
/// connection holds no buffers, so the server's memory grows by a few KiB per connection, not 32.
/// </summary>
public sealed class IdleConnectionsTests(ITestOutputHelper output)
{
    private const int IdleConnections = 10_000;

    /// <summary>Connections opened before the test waits for the server to have accepted them, so the backlog never overflows.</summary>
    private const int Batch = 500;

    /// <summary>
    /// The most the server's resident memory may grow for the idle connections: 8 KiB each. The kernel's socket
    /// buffers are not in it; the server's own state is (socket, session, reader, connection), about 2 KiB in practice.
    /// With the 16 KiB input and 16 KiB output buffers held from accept, this grew by over 300 MB.
    /// </summary>
    private const long MaxGrowthBytes = IdleConnections * 8L * 1024;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");

    [Fact]
    public void TenThousandIdleConnectionsAreKeptCheaplyWhileABusyClientIsServed()
    {
        var port = ServerProcess.FreePort();
        using var server = ExternalTool.Start("dotnet",
        [
            ServerDll, "--port", port.ToString(CultureInfo.InvariantCulture), "--io-model", "event-loop",
            "--maxclients", (IdleConnections + 100).ToString(CultureInfo.InvariantCulture), "--tcp-backlog", "4096",
        ]);
        var idle = new List<Socket>(IdleConnections);
        try
        {
            Assert.True(ServerProcess.WaitForLine(server, "Listening on", Timeout), "the server did not start");

            // Ten thousand "connected" lines: a pipe nobody reads would fill and stall the server's logging.
            _ = Task.Run(() => server.StandardOutput.ReadToEnd());
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            using var busy = new WireClient(endPoint);
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal("+OK\r\n", busy.Call("SET", "warm:" + i, "x"));
            }

            // MEMORY PURGE runs a full compacting collection: both readings are of live memory, not of when the GC last ran.
            Assert.Equal("+OK\r\n", busy.Call("MEMORY", "PURGE"));
            var before = ResidentBytes(server.Id);
            while (idle.Count < IdleConnections)
            {
                for (var i = 0; i < Batch && idle.Count < IdleConnections; i++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(endPoint);
                    idle.Add(socket);
                }

                // The busy client is answered between every batch, and the server has accepted every connection so far.
                Assert.True(SpinWait.SpinUntil(() => ConnectedClients(busy) == idle.Count + 1, Timeout), $"the server did not accept {idle.Count} connections");
            }

            for (var i = 0; i < 1000; i++)
            {
                Assert.Equal("+OK\r\n", busy.Call("SET", "busy:" + i, i.ToString(CultureInfo.InvariantCulture)));
                Assert.Equal($"${i.ToString(CultureInfo.InvariantCulture).Length}\r\n{i}\r\n", busy.Call("GET", "busy:" + i));
            }

            // Idle for more than the 2 s after which a connection gives its buffers back.
            Thread.Sleep(2500);
            Assert.Equal(IdleConnections + 1, ConnectedClients(busy));
            Assert.Equal("+OK\r\n", busy.Call("MEMORY", "PURGE"));
            var after = ResidentBytes(server.Id);
            output.WriteLine($"server RSS: {before / 1024} KiB with 1 client, {after / 1024} KiB with {IdleConnections} idle more: {(after - before) / IdleConnections} bytes each");
            Assert.True(after - before < MaxGrowthBytes, $"the server grew by {(after - before) / 1024} KiB for {IdleConnections} idle connections");
        }
        finally
        {
            foreach (var socket in idle)
            {
                socket.Dispose();
            }

            server.Kill();
            server.WaitForExit(Timeout);
        }
    }

    private static int ConnectedClients(WireClient client)
    {
        const string Field = "connected_clients:";
        var line = client.Call("INFO", "clients").Split("\r\n").Single(l => l.StartsWith(Field, StringComparison.Ordinal));
        return int.Parse(line[Field.Length..], CultureInfo.InvariantCulture);
    }

    private static long ResidentBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
