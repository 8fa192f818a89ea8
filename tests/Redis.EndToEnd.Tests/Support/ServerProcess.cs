using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Redis.EndToEnd.Tests.Support;

/// <summary>Helpers for tests that run the server in its own process, as a user does.</summary>
public static class ServerProcess
{
    /// <summary>Reads the server's output until a line contains <paramref name="text"/>; false at end of output or after the timeout.</summary>
    public static bool WaitForLine(Process process, string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (process.StandardOutput.ReadLineAsync(cancel.Token).AsTask().GetAwaiter().GetResult() is { } line)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return false;
    }

    /// <summary>
    /// Starts the server (<c>Redis.Server.dll</c> with <paramref name="arguments"/> and <c>--port</c>) on a loopback port
    /// free at the time of asking, and waits until it logs that it listens there.
    /// </summary>
    /// <remarks>
    /// Another process can take the port between the probe and the server's bind (the test run starts many servers at
    /// once); the server then exits saying the address is in use, and this tries again on another port, up to three
    /// times. Any other failure to start fails the test with the server's own error output.
    /// </remarks>
    public static (Process Server, int Port) StartOnFreePort(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Redis.Server.dll");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var server = ExternalTool.Start("dotnet", [serverDll, .. arguments, "--port", portText]);
            if (WaitForLine(server, "Listening on 127.0.0.1:" + portText, timeout))
            {
                return (server, port);
            }

            server.Kill();
            server.WaitForExit();
            var error = server.StandardError.ReadToEnd().Trim();
            server.Dispose();
            if (attempt == 3 || !error.Contains("already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The server did not log that it listens on {portText} (attempt {attempt}): {error}");
            }
        }
    }

    /// <summary>
    /// Owns a server process for a test: disposing it kills the server when it is still running (a test that failed
    /// before stopping it), so no server outlives the test run.
    /// </summary>
    public static IDisposable Owned(Process server) => new Ownership(server);

    /// <summary>A loopback port free at the time of asking.</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private sealed class Ownership(Process server) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                    server.WaitForExit();
                }
            }
            finally
            {
                server.Dispose();
            }
        }
    }
}
