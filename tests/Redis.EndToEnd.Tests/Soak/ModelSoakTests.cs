using Redis.Testing.Soak;

namespace Redis.EndToEnd.Tests.Soak;

/// <summary>
/// The short soak: random string, keyspace and expiry commands, pipelined, over a socket, with the server's clock moved
/// between batches, must answer exactly as the model does. <c>scripts/soak.sh</c> runs the same driver for millions.
/// </summary>
public abstract class ModelSoakTests(ServerFixture server)
{
    public sealed class Blocking(ServerFixture<BlockingTransport> server)
        : ModelSoakTests(server), IClassFixture<ServerFixture<BlockingTransport>>;

    public sealed class EventLoop(ServerFixture<EventLoopTransport> server)
        : ModelSoakTests(server), IClassFixture<ServerFixture<EventLoopTransport>>;

    private const int Operations = 30_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MatchesModelGivenRandomOperations(int seed)
    {
        var result = new SoakDriver(server.EndPoint, server.Clock, new SoakOptions(Operations, seed)).Run();

        Assert.True(
            result.Mismatches == 0,
            $"{result}\n{string.Join('\n', result.Reports)}\nReproduce with: scripts/soak.sh {Operations} --seed {seed}");
        Assert.Equal(Operations, result.Operations);
    }
}
