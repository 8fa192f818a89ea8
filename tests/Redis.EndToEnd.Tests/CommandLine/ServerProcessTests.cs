using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.CommandLine;

/// <summary>The server as a user runs it: its command line, its exit codes, its shutdown.</summary>
public sealed class ServerProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");

    [Fact]
    public void PortInUsePrintsOneLineAndExitsNonZero()
    {
        using var occupant = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        occupant.Listen();
        var port = ((IPEndPoint)occupant.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, output, error) = ExternalTool.Run("dotnet", [ServerDll, "--port", port], Timeout);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"Could not listen on 127.0.0.1:{port}: the address is already in use. Is another server running? Choose another port with --port <port>.",
            error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port 70000", "Invalid settings: The field Port must be between 0 and 65535.")]
    [InlineData("--port abc", "Invalid settings: Failed to convert configuration value 'abc' at 'Redis:Port' to type 'System.Int32'.")]
    [InlineData("--bind nonsense", "Invalid settings: The field Bind must be an IPv4 or IPv6 address, not 'nonsense'.")]
    [InlineData("--io-model epoll", "Invalid settings: The field IoModel (io-model) must be 'blocking' or 'event-loop', not 'epoll'.")]
    [InlineData("--client-output-buffer-limit normal", "Invalid settings: The field ClientOutputBufferLimit (client-output-buffer-limit) cannot be 'normal': Wrong number of arguments in buffer limit configuration.")]
    [InlineData("--client-output-buffer-limit master,1,2,3", "Invalid settings: The field ClientOutputBufferLimit (client-output-buffer-limit) cannot be 'master,1,2,3': Wrong number of arguments in buffer limit configuration.")]
    [InlineData("--tcp-keepalive -1", "Invalid settings: The field TcpKeepAlive must be between 0 and 2147483647.")]
    [InlineData("--maxclients 0", "Invalid settings: The field MaxClients must be between 1 and 1000000.")]
    [InlineData("--hz 0 --timeout -1", "Invalid settings: The field Timeout must be between 0 and 2147483647. The field Hz must be between 1 and 500.")]
    public void AnInvalidSettingPrintsOneLineAndExitsNonZero(string arguments, string expected)
    {
        var (exitCode, output, error) = ExternalTool.Run("dotnet", [ServerDll, .. arguments.Split(' ')], Timeout);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blocking")]
    [InlineData("event-loop")]
    public void ListensOnThePortGivenAndExitsZeroOnSigterm(string ioModel)
    {
        var (server, port) = ServerProcess.StartOnFreePort(["--io-model", ioModel], Timeout);
        using var _ = ServerProcess.Owned(server);

        using (var client = new WireClient(new IPEndPoint(IPAddress.Loopback, port)))
        {
            Assert.Equal("+PONG\r\n", client.Call("PING"));
        }

        ExternalTool.Run("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)], Timeout);
        Assert.True(server.WaitForExit(Timeout), "the server did not stop on SIGTERM");
        Assert.Equal(0, server.ExitCode);
    }

    [Theory]
    [InlineData("blocking")]
    [InlineData("event-loop")]
    public void ShutdownFromRedisCliEndsTheProcessWithExitCodeZero(string ioModel)
    {
        var (server, portNumber) = ServerProcess.StartOnFreePort(["--io-model", ioModel], Timeout);
        using var _ = ServerProcess.Owned(server);
        var port = portNumber.ToString(CultureInfo.InvariantCulture);

        Assert.Equal("(error) ERR No shutdown in progress.", ExternalTool.Run("redis-cli", ["-p", port, "--no-raw", "SHUTDOWN", "ABORT"], Timeout).Output.Trim());

        // redis-cli expects SHUTDOWN to close the connection without a reply: it prints nothing and succeeds.
        var (exitCode, output, _) = ExternalTool.Run("redis-cli", ["-p", port, "SHUTDOWN"], Timeout);
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output.Trim());

        Assert.True(ServerProcess.WaitForLine(server, "User requested shutdown...", Timeout));
        Assert.True(ServerProcess.WaitForLine(server, "Redis is now ready to exit, bye bye...", Timeout));
        Assert.True(server.WaitForExit(Timeout), "the server did not stop after SHUTDOWN");
        Assert.Equal(0, server.ExitCode);
    }

    [Fact]
    public void VerboseLogsEachCommandAtDebugLevel()
    {
        var (server, port) = ServerProcess.StartOnFreePort(["--verbose"], Timeout);
        using var _ = ServerProcess.Owned(server);
        using (var client = new WireClient(new IPEndPoint(IPAddress.Loopback, port)))
        {
            Assert.Equal("+PONG\r\n", client.Call("PING"));
        }

        Assert.True(ServerProcess.WaitForLine(server, "Command PING with 0 argument(s)", Timeout));
        server.Kill();
    }

    [Theory]
    [InlineData("blocking")]
    [InlineData("event-loop")]
    public void SigtermStopsAScriptThatNeverEndsAndTheServerSavesWhatItWrote(string ioModel)
    {
        var directory = Directory.CreateTempSubdirectory("script-sigterm-").FullName;
        try
        {
            string[] arguments = ["--io-model", ioModel, "--dir", directory, "--save", "3600 1"];
            var (server, port) = ServerProcess.StartOnFreePort(arguments, Timeout);
            using (ServerProcess.Owned(server))
            using (var runner = new WireClient(new IPEndPoint(IPAddress.Loopback, port)))
            {
                runner.SendCommand("EVAL", "redis.call('SET', 'k', 'v') redis.log(redis.LOG_WARNING, 'looping') while true do end", "0");
                Assert.True(ServerProcess.WaitForLine(server, "looping", Timeout), "the script did not start");

                ExternalTool.Run("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)], Timeout);

                Assert.True(ServerProcess.WaitForLine(server, "Lua script stopped: the server is shutting down.", Timeout));
                Assert.True(server.WaitForExit(Timeout), "the server did not stop on SIGTERM");
                Assert.Equal(0, server.ExitCode);
            }

            // The serving thread was out of the script before the shutdown's save ran: the save has the script's write.
            var (again, againPort) = ServerProcess.StartOnFreePort(["--dir", directory], Timeout);
            using (ServerProcess.Owned(again))
            using (var client = new WireClient(new IPEndPoint(IPAddress.Loopback, againPort)))
            {
                Assert.Equal("$1\r\nv\r\n", client.Call("GET", "k"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
