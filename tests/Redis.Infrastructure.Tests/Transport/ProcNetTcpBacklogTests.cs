using Redis.Application.Common;
using Redis.Infrastructure.Transport;

namespace Redis.Infrastructure.Tests.Transport;

public class ProcNetTcpBacklogTests
{
    // Lines as /proc/net/tcp prints them: port 6379 is 0x18EB; state 0A is LISTEN, 01 ESTABLISHED.
    private const string Listening = "   0: 0100007F:18EB 00000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 123 1 0000000000000000 100 0 0 10 0";
    private const string Established = "   1: 0100007F:18EB 0100007F:C350 01 00000000:00000007 00:00000000 00000000     0        0 456 1 0000000000000000 20 4 30 10 -1";
    private const string Listening6 = "   0: 00000000000000000000000001000000:18EB 00000000000000000000000000000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 789 1 0000000000000000 100 0 0 10 0";

    [Fact]
    public void ReadsTheAcceptQueueOfTheListeningSocketOnThePort()
    {
        Assert.Equal(3, ProcNetTcpBacklog.WaitingOn(Listening, 6379));
        Assert.Equal(2, ProcNetTcpBacklog.WaitingOn(Listening6, 6379));
    }

    [Theory]
    [InlineData(Established, 6379)]
    [InlineData(Listening, 6380)]
    [InlineData("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode", 6379)]
    [InlineData("", 6379)]
    public void IgnoresConnectionsOtherPortsAndHeaders(string line, int port)
    {
        Assert.Equal(0, ProcNetTcpBacklog.WaitingOn(line, port));
    }

    [Fact]
    public void IsUnknownBeforeTheServerListens()
    {
        Assert.Null(new ProcNetTcpBacklog(new ServerStatistics()).WaitingClients());
    }
}
