using System.Text;
using Redis.Application.Commands.ZAdd;
using Redis.Application.Commands.ZPop;
using Redis.Application.Commands.ZRange;
using Redis.Application.Commands.ZRem;
using Redis.Application.Commands.ZSetOperation;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Commands.ZSetCommon;

/// <summary>The sorted-set handlers publish t_zset.c's events, then <c>del</c> when a key goes.</summary>
public class ZSetKeyspaceEventsTests
{
    private readonly PubSubRegistry _pubSub = new();
    private readonly KeyspaceEvents _events;
    private readonly FakeClientConnection _subscriber;
    private readonly Keyspace _keyspace = new();
    private readonly TimeProvider _time = TestClock.Create();

    public ZSetKeyspaceEventsTests()
    {
        var clients = new ClientRegistry(new DefaultUser(TestSettings.None), _pubSub);
        _events = new KeyspaceEvents(_pubSub) { Classes = KeyspaceEventClasses.All | KeyspaceEventClasses.Keyevent };
        var (session, connection) = FakeClientConnection.Open(clients, "127.0.0.1:1");
        _pubSub.PSubscribe(session, [Encoding.ASCII.GetBytes("__keyevent*")]);
        _subscriber = connection;
    }

    [Fact]
    public async Task AddIncrementRemoveAndPopNotifyTheirEvents()
    {
        await Run(new ZAddCommandBinder(), "ZADD z 1 a 2 b");
        await Run(new ZAddCommandBinder(), "ZADD z NX 5 a");
        await Run(new ZIncrByCommandBinder(), "ZINCRBY z 1 a");
        await Run(new ZRemCommandBinder(), "ZREM z a");
        await Run(new ZPopMinCommandBinder(), "ZPOPMIN z");
        Assert.False(_keyspace.Exists("z"u8, TestClock.StartUnixMilliseconds));
        Assert.Equal(["zadd", "zincr", "zrem", "zpopmin", "del"], Events());
    }

    [Fact]
    public async Task StoresNotifyAndAnEmptyResultDeletesTheDestination()
    {
        await Run(new ZAddCommandBinder(), "ZADD z 1 a");
        await Run(new ZRangeStoreCommandBinder(), "ZRANGESTORE d z 0 -1");
        await Run(new ZUnionStoreCommandBinder(), "ZUNIONSTORE u 1 z");
        await Run(new ZInterStoreCommandBinder(), "ZINTERSTORE u 2 z missing");
        Assert.False(_keyspace.Exists("u"u8, TestClock.StartUnixMilliseconds));
        Assert.Equal(["zadd", "zrangestore", "zunionstore", "del"], Events());
    }

    private async Task Run(ICommandBinder binder, string request)
    {
        var command = binder.Bind(CommandArgs.From(request.Split(' ')), keyspace: _keyspace).Command;
        Assert.NotNull(command);
        var settings = TestSettings.None;
        var reply = command switch
        {
            ZAddCommand add => await new ZAddCommandHandler(_time, _events, settings).Handle(add, default),
            ZRemCommand rem => await new ZRemCommandHandler(_time, _events).Handle(rem, default),
            ZPopCommand pop => await new ZPopCommandHandler(_time, _events, new Redis.Application.Sessions.BlockedClients(new Redis.Domain.Keys.Databases(), _time)).Handle(pop, default),
            ZRangeCommand range => await new ZRangeCommandHandler(_time, _events, settings).Handle(range, default),
            ZSetOperationCommand operation => await new ZSetOperationCommandHandler(_time, _events, settings).Handle(operation, default),
            _ => throw new InvalidOperationException(request),
        };
        Assert.False(reply.IsError, request);
    }

    private string[] Events() =>
        [.. _subscriber.Delivered.Select(static r => Encoding.ASCII.GetString(r.Items[2].Bytes).Split(':')[1])];
}
