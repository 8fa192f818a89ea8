using System.Text;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Sessions;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.PubSub;

public class KeyspaceEventsTests
{
    private readonly PubSubRegistry _pubSub = new();
    private readonly ClientRegistry _clients;
    private readonly KeyspaceEvents _events;
    private readonly FakeClientConnection _subscriber;

    public KeyspaceEventsTests()
    {
        _clients = new ClientRegistry(new DefaultUser(TestSettings.None), _pubSub);
        _events = new KeyspaceEvents(_pubSub);
        var (session, connection) = FakeClientConnection.Open(_clients, "127.0.0.1:1");
        _pubSub.PSubscribe(session, [Encoding.ASCII.GetBytes("__key*")]);
        _subscriber = connection;
    }

    [Fact]
    public void PublishesTheKeyspaceChannelThenTheKeyeventChannel()
    {
        _events.Classes = KeyspaceEventClasses.All | KeyspaceEventClasses.Keyspace | KeyspaceEventClasses.Keyevent;

        _events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Set, "k"u8, 3);

        Assert.Equal(
        [
            "*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$16\r\n__keyspace@3__:k\r\n$3\r\nset\r\n",
            "*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$18\r\n__keyevent@3__:set\r\n$1\r\nk\r\n",
        ], Delivered());
    }

    [Fact]
    public void PublishesOnlyTheKindsOfChannelEnabled()
    {
        _events.Classes = KeyspaceEventClasses.Generic | KeyspaceEventClasses.Keyevent;

        _events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, "k"u8, 0);

        Assert.Equal(["*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$18\r\n__keyevent@0__:del\r\n$1\r\nk\r\n"], Delivered());
    }

    [Fact]
    public void PublishesNothingForAClassThatIsOff()
    {
        _events.Classes = KeyspaceEventClasses.Generic | KeyspaceEventClasses.Keyspace | KeyspaceEventClasses.Keyevent;

        _events.Notify(KeyspaceEventClasses.String, KeyspaceEventNames.Set, "k"u8, 0);
        _events.Classes = KeyspaceEventClasses.None;
        _events.Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, "k"u8, 0);

        Assert.Empty(Delivered());
    }

    [Fact]
    public void ReportsNewExpiredAndMissedKeysOnlyWhileTheirClassesAreOn()
    {
        var databases = new Databases(2);
        _events.Attach(databases);
        Assert.Null(databases[1].Observer);

        _events.Classes = KeyspaceEventClasses.New | KeyspaceEventClasses.Expired | KeyspaceEventClasses.KeyMiss | KeyspaceEventClasses.Keyevent;
        databases[1].Set("k"u8, "v"u8, expiresAt: 100);
        databases[1].Read("k"u8, now: 101, out _);

        Assert.Equal(
        [
            "*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$18\r\n__keyevent@1__:new\r\n$1\r\nk\r\n",
            "*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$22\r\n__keyevent@1__:expired\r\n$1\r\nk\r\n",
            "*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$22\r\n__keyevent@1__:keymiss\r\n$1\r\nk\r\n",
        ], Delivered());

        _events.Classes = KeyspaceEventClasses.Generic | KeyspaceEventClasses.String | KeyspaceEventClasses.Keyevent;
        Assert.Null(databases[0].Observer);
    }

    private string[] Delivered() => [.. _subscriber.Delivered.Select(Encode)];

    private static string Encode(Reply reply)
    {
        var writer = new ReplyWriter { Protocol = RespVersion.Resp2 };
        writer.Write(reply);
        return Encoding.ASCII.GetString(writer.Written);
    }
}
