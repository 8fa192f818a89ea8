using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// Keyspace notifications reaching a subscriber from another connection's commands. The expected bytes are what
/// redis-server 7.0.15 sent a <c>PSUBSCRIBE __key*@*</c> client for the same commands.
/// </summary>
[TransportSpecific("The subscriber is another connection: the blocking transport serves one connection at a time.")]
public sealed class KeyspaceNotificationsTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    [Fact]
    public void SetWithAnExpiryPublishesNewSetAndExpireOnBothChannels()
    {
        using var subscriber = server.Connect();
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "notify-keyspace-events", "KEAn"));
        subscriber.Call("PSUBSCRIBE", "__key*@0__:kn:set*");

        Assert.Equal("+OK\r\n", client.Call("SET", "kn:set", "v", "EX", "100"));

        Assert.Equal("*4\r\n$8\r\npmessage\r\n$18\r\n__key*@0__:kn:set*\r\n$21\r\n__keyspace@0__:kn:set\r\n$3\r\nnew\r\n", subscriber.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$18\r\n__key*@0__:kn:set*\r\n$21\r\n__keyspace@0__:kn:set\r\n$3\r\nset\r\n", subscriber.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$18\r\n__key*@0__:kn:set*\r\n$21\r\n__keyspace@0__:kn:set\r\n$6\r\nexpire\r\n", subscriber.ReadReplyText());
        client.Call("CONFIG", "SET", "notify-keyspace-events", "");
    }

    [Fact]
    public void RenameAndMovePublishInTheirDatabases()
    {
        using var subscriber = server.Connect();
        using var client = server.Connect();
        client.Call("CONFIG", "SET", "notify-keyspace-events", "Eg");
        subscriber.Call("PSUBSCRIBE", "__keyevent@*__:*");
        client.Call("SET", "kn:a", "1");

        Assert.Equal("+OK\r\n", client.Call("RENAME", "kn:a", "kn:b"));
        Assert.Equal(":1\r\n", client.Call("MOVE", "kn:b", "5"));

        Assert.Equal("*4\r\n$8\r\npmessage\r\n$16\r\n__keyevent@*__:*\r\n$26\r\n__keyevent@0__:rename_from\r\n$4\r\nkn:a\r\n", subscriber.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$16\r\n__keyevent@*__:*\r\n$24\r\n__keyevent@0__:rename_to\r\n$4\r\nkn:b\r\n", subscriber.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$16\r\n__keyevent@*__:*\r\n$24\r\n__keyevent@0__:move_from\r\n$4\r\nkn:b\r\n", subscriber.ReadReplyText());
        Assert.Equal("*4\r\n$8\r\npmessage\r\n$16\r\n__keyevent@*__:*\r\n$22\r\n__keyevent@5__:move_to\r\n$4\r\nkn:b\r\n", subscriber.ReadReplyText());
        client.Call("CONFIG", "SET", "notify-keyspace-events", "");
    }

    [Fact]
    public void AReadOfAKeyPastItsTimePublishesExpiredThenKeymiss()
    {
        using var subscriber = server.Connect();
        using var client = server.Connect();
        client.Call("CONFIG", "SET", "notify-keyspace-events", "Exm");
        subscriber.Call("SUBSCRIBE", "__keyevent@0__:expired", "__keyevent@0__:keymiss");
        subscriber.ReadReplyText(); // the second confirmation
        client.Call("SET", "kn:lazy", "v", "PX", "100");

        server.Clock.Advance(TimeSpan.FromMilliseconds(101));
        Assert.Equal("$-1\r\n", client.Call("GET", "kn:lazy"));

        Assert.Equal("*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:expired\r\n$7\r\nkn:lazy\r\n", subscriber.ReadReplyText());
        Assert.Equal("*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:keymiss\r\n$7\r\nkn:lazy\r\n", subscriber.ReadReplyText());
        client.Call("CONFIG", "SET", "notify-keyspace-events", "");
    }

    [Fact]
    public void NothingIsPublishedWhileTheSettingIsEmpty()
    {
        using var subscriber = server.Connect();
        using var client = server.Connect();
        Assert.Equal("*2\r\n$22\r\nnotify-keyspace-events\r\n$0\r\n\r\n", client.Call("CONFIG", "GET", "notify-keyspace-events"));
        subscriber.Call("PSUBSCRIBE", "__key*");

        client.Call("SET", "kn:quiet", "v");
        client.Call("DEL", "kn:quiet");
        Assert.Equal(":1\r\n", client.Call("PUBLISH", "__keyevent@0__:marker", "m"));

        Assert.Equal("*4\r\n$8\r\npmessage\r\n$6\r\n__key*\r\n$21\r\n__keyevent@0__:marker\r\n$1\r\nm\r\n", subscriber.ReadReplyText());
    }

    [Fact]
    public void CopyAndSortStorePublishNewThenCopyToAndSortstoreAndAnEmptySortStoreDel()
    {
        using var subscriber = server.Connect();
        using var client = server.Connect();
        client.Call("RPUSH", "kl", "2", "1");
        Assert.Equal("+OK\r\n", client.Call("CONFIG", "SET", "notify-keyspace-events", "Egln"));
        subscriber.Call("PSUBSCRIBE", "__keyevent@*__:*");

        Assert.Equal(":1\r\n", client.Call("COPY", "kl", "kc"));
        Assert.Equal(":2\r\n", client.Call("SORT", "kl", "STORE", "ks"));
        Assert.Equal(":0\r\n", client.Call("SORT", "nothing", "STORE", "ks"));

        foreach (var (name, key) in new[] { ("new", "kc"), ("copy_to", "kc"), ("new", "ks"), ("sortstore", "ks"), ("del", "ks") })
        {
            var channel = "__keyevent@0__:" + name;
            Assert.Equal($"*4\r\n$8\r\npmessage\r\n$16\r\n__keyevent@*__:*\r\n${channel.Length}\r\n{channel}\r\n$2\r\n{key}\r\n", subscriber.ReadReplyText());
        }

        client.Call("CONFIG", "SET", "notify-keyspace-events", "");
        client.Call("DEL", "kl", "kc");
    }
}
