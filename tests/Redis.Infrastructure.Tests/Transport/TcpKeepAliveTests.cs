using System.Net;
using System.Net.Sockets;
using Redis.Infrastructure.Transport;

namespace Redis.Infrastructure.Tests.Transport;

/// <summary><c>tcp-keepalive</c> on a real accepted socket: Redis's <c>anetKeepAlive</c> values, read back from the kernel.</summary>
public sealed class TcpKeepAliveTests
{
    [Fact]
    public void SetsIdleIntervalOfAThirdAndThreeProbes()
    {
        using var pair = new SocketPair();

        Assert.True(TcpKeepAlive.Apply(pair.Accepted, 300));

        Assert.Equal(1, (int)pair.Accepted.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
        Assert.Equal(300, (int)pair.Accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
        Assert.Equal(100, (int)pair.Accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
        Assert.Equal(3, (int)pair.Accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
    }

    [Fact]
    public void AnIntervalUnderThreeSecondsProbesEverySecond()
    {
        using var pair = new SocketPair();

        Assert.True(TcpKeepAlive.Apply(pair.Accepted, 2));

        Assert.Equal(1, (int)pair.Accepted.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
    }

    [Fact]
    public void ZeroLeavesKeepAliveOff()
    {
        using var pair = new SocketPair();

        Assert.True(TcpKeepAlive.Apply(pair.Accepted, 0));

        Assert.Equal(0, (int)pair.Accepted.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
    }

    [Fact]
    public void AValueTheKernelRefusesIsReportedNotThrown()
    {
        using var pair = new SocketPair();

        // Linux caps TCP_KEEPIDLE at 32767 s.
        Assert.False(TcpKeepAlive.Apply(pair.Accepted, 40_000));
    }

    private sealed class SocketPair : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly Socket _client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public SocketPair()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen();
            _client.Connect(_listener.LocalEndPoint!);
            Accepted = _listener.Accept();
        }

        public Socket Accepted { get; }

        public void Dispose()
        {
            Accepted.Dispose();
            _client.Dispose();
            _listener.Dispose();
        }
    }
}
