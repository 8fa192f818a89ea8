using Redis.Application.Cluster;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Cluster;

public class ClusterStateTests
{
    [Fact]
    public void StartsAloneWithANewIdAndNoSlots()
    {
        var state = ClusterTestNodes.Enabled();

        Assert.True(state.Enabled);
        Assert.Matches("^[0-9a-f]{40}$", state.View.Myself.Id);
        Assert.Equal((7000, 17000), (state.View.Myself.Port, state.View.Myself.BusPort));
        Assert.Single(state.View.Nodes);
        Assert.False(state.View.IsOk);
    }

    [Fact]
    public void IsDisabledWithoutClusterEnabled() =>
        Assert.False(new ClusterState(TestSettings.None, TimeProvider.System).Enabled);

    [Fact]
    public void IsOkOnceEverySlotIsServed()
    {
        var state = ClusterTestNodes.Enabled();
        state.UpdateSlots(Enumerable.Repeat(true, 16384).ToArray(), delete: false);

        Assert.True(state.View.IsOk);
        Assert.Equal([new SlotRange(0, 16383)], state.View.Myself.Slots);
        Assert.Equal(1, state.View.Size);
    }

    [Fact]
    public void LearnsTheSenderItsSlotsAndTheNodesItNames()
    {
        var state = ClusterTestNodes.Enabled();
        var message = ClusterTestNodes.From('a', 7001, 2, new SlotRange(0, 99)) with
        {
            Others = [new GossipEntry(ClusterTestNodes.Id('b'), "127.0.0.1", 7002, 17002, 3, [new SlotRange(100, 200)])],
        };

        state.Receive(message, "127.0.0.5", "127.0.0.9");

        var view = state.View;
        Assert.Equal("127.0.0.9", view.Myself.Ip);
        Assert.Equal(3, view.Nodes.Count);
        Assert.Equal("127.0.0.5", view.OwnerOf(50)!.Ip);
        Assert.Null(view.OwnerOf(150));
        Assert.Equal(2, view.CurrentEpoch);
    }

    [Fact]
    public void AClaimWithANewerEpochTakesASlotAndAnOlderOneDoesNot()
    {
        var state = ClusterTestNodes.Enabled();
        state.Receive(ClusterTestNodes.From('a', 7001, 2, new SlotRange(0, 9)), "127.0.0.1", "127.0.0.1");
        state.Receive(ClusterTestNodes.From('b', 7002, 1, new SlotRange(5, 5)), "127.0.0.1", "127.0.0.1");
        Assert.Equal(7001, state.View.OwnerOf(5)!.Port);

        state.Receive(ClusterTestNodes.From('b', 7002, 3, new SlotRange(5, 5)), "127.0.0.1", "127.0.0.1");
        Assert.Equal(7002, state.View.OwnerOf(5)!.Port);
    }

    [Fact]
    public void ASlotTheSenderNoLongerClaimsIsUnassigned()
    {
        var state = ClusterTestNodes.Enabled();
        state.Receive(ClusterTestNodes.From('a', 7001, 2, new SlotRange(0, 9)), "127.0.0.1", "127.0.0.1");
        state.Receive(ClusterTestNodes.From('a', 7001, 2, new SlotRange(0, 4)), "127.0.0.1", "127.0.0.1");

        Assert.NotNull(state.View.OwnerOf(4));
        Assert.Null(state.View.OwnerOf(5));
    }

    [Fact]
    public void SetConfigEpochOnlyOnAFreshLoneNode()
    {
        var state = ClusterTestNodes.Enabled();

        Assert.Null(state.SetConfigEpoch(5));
        Assert.Equal("Node config epoch is already non-zero", state.SetConfigEpoch(6));
        state.Receive(ClusterTestNodes.From('a', 7001, 1), "127.0.0.1", "127.0.0.1");
        Assert.Equal("The user can assign a config epoch only when the node does not know any other node.", state.SetConfigEpoch(7));
        Assert.Equal(5, state.View.Myself.ConfigEpoch);
    }

    [Fact]
    public void AForgottenNodeStaysOutWhenItSpeaksAgain()
    {
        var state = ClusterTestNodes.Enabled();
        state.Receive(ClusterTestNodes.From('a', 7001, 1, new SlotRange(0, 0)), "127.0.0.1", "127.0.0.1");

        Assert.Null(state.Forget(ClusterTestNodes.Id('a')));
        state.Receive(ClusterTestNodes.From('a', 7001, 1, new SlotRange(0, 0)), "127.0.0.1", "127.0.0.1");

        Assert.Single(state.View.Nodes);
        Assert.Null(state.View.OwnerOf(0));
        Assert.Equal("Unknown node " + ClusterTestNodes.Id('a'), state.Forget(ClusterTestNodes.Id('a')));
        Assert.Equal("I tried hard but I can't forget myself...", state.Forget(state.View.Myself.Id));
    }

    [Fact]
    public void AHardResetTakesANewIdAndForgetsEverything()
    {
        var state = ClusterTestNodes.Enabled();
        var id = state.View.Myself.Id;
        state.Receive(ClusterTestNodes.From('a', 7001, 1, new SlotRange(0, 0)), "127.0.0.1", "127.0.0.1");

        state.Reset(hard: true);

        Assert.NotEqual(id, state.View.Myself.Id);
        Assert.Single(state.View.Nodes);
        Assert.Equal(0, state.View.CurrentEpoch);
    }

    [Fact]
    public void LoadsWhatNodesConfHolds()
    {
        var saved = ClusterTestNodes.Enabled();
        saved.SetConfigEpoch(4);
        saved.UpdateSlots([.. Enumerable.Range(0, 16384).Select(slot => slot < 100)], delete: false);
        saved.Receive(ClusterTestNodes.From('a', 7001, 2, new SlotRange(100, 16383)), "127.0.0.1", "127.0.0.1");

        var restarted = ClusterTestNodes.Enabled();
        restarted.Load(ClusterNodesText.FormatConfig(saved.View).Split('\n'));

        Assert.Equal(saved.View.Myself.Id, restarted.View.Myself.Id);
        Assert.Equal(4, restarted.View.Myself.ConfigEpoch);
        Assert.Equal([new SlotRange(0, 99)], restarted.View.Myself.Slots);
        Assert.Equal(7001, restarted.View.OwnerOf(16383)!.Port);
        Assert.True(restarted.View.IsOk);
    }
}
