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

    /// <summary>A loopback port free at the time of asking.</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
