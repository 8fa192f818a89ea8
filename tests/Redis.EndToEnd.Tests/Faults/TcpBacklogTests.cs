using System.Globalization;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary><c>tcp-backlog</c> reaches <c>listen(2)</c> and <c>CONFIG GET</c>: it is how many clients wait while one is served.</summary>
public abstract class TcpBacklogTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : TcpBacklogTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : TcpBacklogTests(server), IClassFixture<Server<EventLoopTransport>>;

    private const int Backlog = 7;

    [Fact]
    public void ConfigGetReportsTheBacklog()
    {
        using var client = server.Connect();

        Assert.Equal("*2\r\n$11\r\ntcp-backlog\r\n$1\r\n7\r\n", client.Call("CONFIG", "GET", "tcp-backlog"));
    }

    [Fact]
    public void ListeningSocketHasTheBacklog()
    {
        // For a listening socket, ss reports the backlog given to listen(2) in the Send-Q column.
        var (exitCode, output, error) = ExternalTool.Run(
            ExternalTool.Require("ss", "iproute2"),
            ["-Hltn", "sport = :" + server.Port.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, error);
        var columns = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["LISTEN", "0", Backlog.ToString(CultureInfo.InvariantCulture)], columns[..3]);
    }

    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:TcpBacklog"] = Backlog.ToString(CultureInfo.InvariantCulture);
    }
}
