using System.Net.Sockets;

namespace Redis.Infrastructure.Transport;

/// <summary><c>tcp-keepalive</c> on an accepted socket, as Redis's <c>anetKeepAlive</c> sets it; shared by both transports.</summary>
internal static class TcpKeepAlive
{
    /// <summary>Redis's <c>TCP_KEEPCNT</c>: unanswered probes before the kernel drops the connection.</summary>
    public const int Probes = 3;

    /// <summary>
    /// Turns on <c>SO_KEEPALIVE</c> with the first probe after <paramref name="seconds"/> of silence
    /// (<c>TCP_KEEPIDLE</c>), then one every third of that (<c>TCP_KEEPINTVL</c>, at least 1 s), <see cref="Probes"/> in
    /// all: a dead peer is found about twice <paramref name="seconds"/> after it fell silent. 0 leaves it off.
    /// </summary>
    /// <returns>False when the system refused a value (Linux caps <c>TCP_KEEPIDLE</c> at 32767 s); Redis ignores that too.</returns>
    public static bool Apply(Socket socket, int seconds)
    {
        if (seconds <= 0)
        {
            return true;
        }

        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, seconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, Math.Max(1, seconds / 3));
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, Probes);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
