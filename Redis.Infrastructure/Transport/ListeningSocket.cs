using System.Net;
using System.Net.Sockets;
using Redis.Infrastructure.Configuration;

namespace Redis.Infrastructure.Transport;

/// <summary>The listening socket both transports accept from: <c>bind</c>, <c>port</c> and <c>tcp-backlog</c>.</summary>
internal static class ListeningSocket
{
    /// <summary>Binds and listens. Throws <see cref="SocketException"/> when the address is in use.</summary>
    public static Socket Open(RedisServerOptions options)
    {
        var address = IPAddress.Parse(options.Bind);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(address, options.Port));
            listener.Listen(options.TcpBacklog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }
}
