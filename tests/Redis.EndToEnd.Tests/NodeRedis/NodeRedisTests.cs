using System.Globalization;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.NodeRedis;

/// <summary>
/// The official redis npm client (node-redis, <c>tests/node-redis</c>): with its default settings, which speak RESP3
/// and send <c>HELLO 3</c> on connecting, and with <c>RESP: 2</c> and <c>RESP: 3</c> given, it runs string commands
/// and a MULTI/EXEC and checks their results (<c>check.mjs</c>).
/// </summary>
/// <remarks>
/// ./test.sh installs node and npm when they are missing and runs <c>npm ci</c> in <c>tests/node-redis</c>; without
/// them this test fails and says so, rather than passing without running the client.
/// </remarks>
public abstract class NodeRedisTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server) : NodeRedisTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server) : NodeRedisTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "node-redis");

    [Fact]
    public void NodeRedisRunsStringsAndTransactionsInRespTwoAndThree()
    {
        var node = ExternalTool.Require("node", "nodejs");
        Assert.True(
            Directory.Exists(Path.Combine(Folder, "node_modules", "redis")),
            $"The redis npm client is not installed in {Folder}: run ./test.sh, which runs npm ci there.");

        var (exitCode, output, error) = ExternalTool.Run(
            node, [Path.Combine(Folder, "check.mjs"), server.Port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(120));

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("default: ok (proto 3)\nresp2: ok (proto 2)\nresp3: ok (proto 3)\n", output);
    }
}
