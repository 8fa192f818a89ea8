namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>The blocking transport with Redis's default, 300 s.</summary>
public sealed class BlockingTcpKeepAliveTests(BlockingTcpKeepAliveTests.Server server)
    : TcpKeepAliveTests(server, 300), IClassFixture<BlockingTcpKeepAliveTests.Server>
{
    public sealed class Server : ServerFixture;
}
