using Redis.Application.Cluster;
using Redis.Application.Commands.Cluster;
using Redis.Application.Replies;
using Redis.Application.Tests.Cluster;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.Cluster;

public class ClusterCommandHandlerTests
{
    private readonly Keyspace _keyspace = new();
    private readonly ClusterState _state = ClusterTestNodes.Enabled();

    [Fact]
    public async Task RefusesEverySubcommandWithoutClusterEnabled()
    {
        var handler = new ClusterCommandHandler(new ClusterState(TestSettings.None, TimeProvider.System), TimeProvider.System);

        Assert.Equal(Errors.ClusterDisabled, await handler.Handle(new ClusterCommand(_keyspace, ClusterSubcommand.KeySlot, [[.."foo"u8]]), default));
    }

    [Theory]
    [InlineData("foo", 12182)]
    [InlineData("{user1000}.followers", 3443)]
    public async Task KeySlotIsTheKeysHashSlot(string key, long slot) =>
        Assert.Equal(Reply.Integer(slot), await Run(ClusterSubcommand.KeySlot, key));

    [Fact]
    public async Task AddSlotsChecksEverySlotBeforeTakingAny()
    {
        Assert.Equal(Errors.InvalidSlot, await Run(ClusterSubcommand.AddSlots, "1", "16384"));
        Assert.Equal(Errors.SlotRepeated(2), await Run(ClusterSubcommand.AddSlots, "2", "2"));
        Assert.Empty(_state.View.Myself.Slots);

        Assert.Equal(Reply.Ok, await Run(ClusterSubcommand.AddSlots, "1", "2"));
        Assert.Equal(Errors.SlotBusy(2), await Run(ClusterSubcommand.AddSlots, "3", "2"));
        Assert.Equal(Errors.SlotUnassigned(4), await Run(ClusterSubcommand.DelSlots, "1", "4"));
    }

    [Fact]
    public async Task AddSlotsRangeTakesPairsInOrder()
    {
        Assert.Equal(Errors.WrongArity("cluster|addslotsrange"), await Run(ClusterSubcommand.AddSlotsRange, "1", "2", "3"));
        Assert.Equal(Errors.SlotRangeReversed(5, 3), await Run(ClusterSubcommand.AddSlotsRange, "5", "3"));
        Assert.Equal(Reply.Ok, await Run(ClusterSubcommand.AddSlotsRange, "0", "5460", "5462", "5462"));
        Assert.Equal([new SlotRange(0, 5460), new SlotRange(5462, 5462)], _state.View.Myself.Slots);
    }

    [Fact]
    public async Task CountsAndListsTheKeysOfASlot()
    {
        _keyspace.Set("foo"u8, "1"u8);
        _keyspace.Set("bar"u8, "1"u8);

        Assert.Equal(Reply.One, await Run(ClusterSubcommand.CountKeysInSlot, "12182"));
        Assert.Equal(Errors.InvalidSlotNumber, await Run(ClusterSubcommand.CountKeysInSlot, "16384"));
        Assert.Equal(Reply.Array([Reply.Bulk("foo")]), await Run(ClusterSubcommand.GetKeysInSlot, "12182", "10"));
        Assert.Equal(Errors.InvalidSlotOrCount, await Run(ClusterSubcommand.GetKeysInSlot, "1", "-1"));
        Assert.Equal(Errors.ClusterResetWithKeys, await Run(ClusterSubcommand.Reset));
    }

    [Fact]
    public async Task MeetChecksTheAddressAndQueuesTheMeeting()
    {
        Assert.Equal(Errors.InvalidBasePort("x"u8), await Run(ClusterSubcommand.Meet, "127.0.0.1", "x"));
        Assert.Equal(Errors.InvalidNodeAddress("1.2.3"u8, "5"u8), await Run(ClusterSubcommand.Meet, "1.2.3", "5"));
        Assert.Equal(Reply.Ok, await Run(ClusterSubcommand.Meet, "127.0.0.1", "7001"));

        Assert.True(_state.TryTakeMeet(out var meet));
        Assert.Equal(new MeetRequest("127.0.0.1", 7001, 17001), meet);
    }

    private async Task<Reply> Run(ClusterSubcommand subcommand, params string[] args) =>
        await new ClusterCommandHandler(_state, TimeProvider.System).Handle(
            new ClusterCommand(_keyspace, subcommand, [.. args.Select(System.Text.Encoding.ASCII.GetBytes)]), default);
}
