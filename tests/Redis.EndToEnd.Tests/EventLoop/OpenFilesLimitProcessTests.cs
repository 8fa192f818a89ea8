using System.Globalization;
using System.Net;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary><c>maxclients</c> under a low <c>ulimit -n</c>: lowered at start-up with Redis's warning, and reported as lowered.</summary>
public sealed class OpenFilesLimitProcessTests
{
    /// <summary>Soft and hard limit of the server's shell: room for 200 - 32 clients.</summary>
    private const int Limit = 200;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");

    [Fact]
    public void MaxClientsIsLoweredToWhatTheDescriptorLimitAllows()
    {
        var port = ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        using var server = ExternalTool.Start("bash",
            ["-c", $"ulimit -n {Limit} && exec dotnet \"$0\" --port {port} --io-model event-loop", ServerDll]);
        try
        {
            Assert.True(ServerProcess.WaitForLine(server,
                $"Current maximum open files is {Limit}. maxclients has been reduced to {Limit - 32} to compensate for low ulimit.", Timeout));
            Assert.True(ServerProcess.WaitForLine(server, "Listening on", Timeout));
            using var client = new WireClient(new IPEndPoint(IPAddress.Loopback, int.Parse(port, CultureInfo.InvariantCulture)));
            Assert.Equal($"*2\r\n$10\r\nmaxclients\r\n$3\r\n{Limit - 32}\r\n", client.Call("CONFIG", "GET", "maxclients"));
        }
        finally
        {
            server.Kill();
            server.WaitForExit(Timeout);
        }
    }
}
