using Redis.Application.Cluster;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;
using Redis.Protocol;

namespace Redis.Application.Tests.Cluster;

/// <summary>Redis's <c>getNodeByQuery</c>: which requests this node serves, and what the others get.</summary>
public class ClusterRoutingTests
{
    private readonly CommandTable _table = CommandTable.FromAssembly();
    private readonly ClusterState _state = ClusterTestNodes.Enabled();

    public ClusterRoutingTests()
    {
        // This node serves 0-9999; another node 10000-16383 (foo is 12182, bar 5061).
        _state.UpdateSlots([.. Enumerable.Range(0, 16384).Select(slot => slot < 10000)], delete: false);
        _state.Receive(ClusterTestNodes.From('a', 7001, 1, new SlotRange(10000, 16383)), "127.0.0.2", "127.0.0.1");
    }

    [Theory]
    [InlineData("GET bar")]
    [InlineData("PING")]
    [InlineData("MSET {user1000}.a 1 {user1000}.b 2")]
    [InlineData("CLUSTER KEYSLOT foo")]
    public void ServesKeysOfItsOwnSlotsAndCommandsWithoutKeys(string request) =>
        Assert.False(Route(request, out _));

    [Fact]
    public void MovesAKeyOfAnotherNode()
    {
        Assert.True(Route("GET foo", out var error));
        Assert.Equal(Errors.Moved(12182, "127.0.0.2", 7001), error);
    }

    [Theory]
    [InlineData("MSET foo 1 bar 2")]
    [InlineData("EVAL s 2 foo bar")]
    public void RefusesKeysOfTwoSlots(string request)
    {
        Assert.True(Route(request, out var error));
        Assert.Equal(Errors.CrossSlot, error);
    }

    [Fact]
    public void ASlotNobodyServesIsNotServed()
    {
        _state.Forget(ClusterTestNodes.Id('a'));

        Assert.True(Route("GET foo", out var error));
        Assert.Equal(Errors.SlotNotServed, error);
        Assert.True(Route("GET bar", out error));
        Assert.Equal(Errors.ClusterDown, error);
    }

    [Fact]
    public void AllowsReadsOnlyWhileDownWithAllowReadsWhenDown()
    {
        var state = ClusterTestNodes.Enabled(new KeyValuePair<string, string>("cluster-allow-reads-when-down", "yes"));
        state.UpdateSlots([.. Enumerable.Range(0, 16384).Select(slot => slot < 10000)], delete: false);

        Assert.False(Route(state, "GET bar", out _));
        Assert.True(Route(state, "SET bar 1", out var error));
        Assert.Equal(Errors.ClusterDownReadOnly, error);
    }

    [Fact]
    public void AScriptCallMayTouchOnlyThisNodesKeysInOneSlot()
    {
        var routing = new ClusterRouting(_state);
        var slot = -1;

        Assert.Null(routing.ScriptCallError(Spec("GET"), CommandArgs.From("GET", "bar"), ref slot));
        Assert.Equal(5061, slot);
        Assert.Null(routing.ScriptCallError(Spec("PING"), CommandArgs.From("PING"), ref slot));
        Assert.Equal(Errors.ScriptNonLocalKey, routing.ScriptCallError(Spec("GET"), CommandArgs.From("GET", "foo"), ref slot));
        Assert.Equal(Errors.ScriptCrossSlot, routing.ScriptCallError(Spec("GET"), CommandArgs.From("GET", "user1000"), ref slot));
    }

    private CommandSpec Spec(string name)
    {
        Assert.True(_table.TryFind(System.Text.Encoding.ASCII.GetBytes(name), out var binder));
        return binder.Spec;
    }

    private bool Route(string request, out Reply error) => Route(_state, request, out error);

    private bool Route(ClusterState state, string request, out Reply error)
    {
        var args = CommandArgs.From(request.Split(' '));
        Assert.True(_table.TryFind(args[0], out var binder));
        var effective = binder.Spec.IsContainer ? binder.Spec.FindSubcommand(args[1])! : binder.Spec;
        return new ClusterRouting(state).TryRedirect(TestSessions.Open(), binder, effective, args, out error);
    }
}
