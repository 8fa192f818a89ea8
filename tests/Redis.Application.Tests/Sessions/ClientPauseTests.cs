using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Sessions;

public class ClientPauseTests
{
    private static readonly CommandSpec Write = new("set", -3, ["write"]);
    private static readonly CommandSpec MayReplicate = new("publish", 3, ["pubsub", "may_replicate"]);
    private static readonly CommandSpec Read = new("get", 2, ["readonly", "fast"]);

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = TestClock.Create();
    private readonly ClientPause _pause;

    public ClientPauseTests() => _pause = new ClientPause(_time);

    [Fact]
    public void WritePauseHoldsWriteAndMayReplicateCommandsOnly()
    {
        _pause.Pause(TestClock.StartUnixMilliseconds + 100, ClientPauseKind.Write);

        Assert.True(_pause.Holds(Write));
        Assert.True(_pause.Holds(MayReplicate));
        Assert.False(_pause.Holds(Read));
    }

    [Fact]
    public void AllPauseHoldsEveryCommand()
    {
        _pause.Pause(TestClock.StartUnixMilliseconds + 100, ClientPauseKind.All);

        Assert.True(_pause.Holds(Read));
        Assert.True(_pause.Holds(Write));
    }

    [Fact]
    public void EndsOnceItsEndIsPassedOnTheServerClock()
    {
        _pause.Pause(TestClock.StartUnixMilliseconds + 100, ClientPauseKind.All);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(_pause.Tick());
        Assert.Equal(0, _pause.Relaxations);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_pause.Tick());
        Assert.Equal(ClientPauseKind.Off, _pause.Kind);
        Assert.Equal(1, _pause.Relaxations);
    }

    [Fact]
    public void SecondPauseKeepsTheMoreRestrictiveKindAndTheLaterEnd()
    {
        _pause.Pause(TestClock.StartUnixMilliseconds + 1000, ClientPauseKind.All);
        _pause.Pause(TestClock.StartUnixMilliseconds + 10, ClientPauseKind.Write);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(_pause.Tick());
        Assert.Equal(ClientPauseKind.All, _pause.Kind);
    }

    [Fact]
    public void PauseEndingInThePastEndsAtOnce()
    {
        _pause.Pause(0, ClientPauseKind.All);

        Assert.Equal(ClientPauseKind.Off, _pause.Kind);
    }

    [Fact]
    public void UnpauseEndsItAndCountsARelaxationOnlyWhenPaused()
    {
        _pause.Unpause();
        Assert.Equal(0, _pause.Relaxations);

        _pause.Pause(TestClock.StartUnixMilliseconds + 1000, ClientPauseKind.Write);
        _pause.Unpause();

        Assert.Equal(ClientPauseKind.Off, _pause.Kind);
        Assert.Equal(1, _pause.Relaxations);
        Assert.False(_pause.Holds(Write));
    }
}
