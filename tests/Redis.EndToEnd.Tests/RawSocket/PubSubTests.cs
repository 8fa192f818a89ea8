using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>Pub/sub as one connection sees it, byte for byte as redis-server 7.0.15 answers (taken from it with nc).</summary>
public abstract class PubSubTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : PubSubTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : PubSubTests(server);

    private const string Rule = "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";

    [Fact]
    public void ConfirmsEachChannelInItsOwnArrayWithTheCountAfterIt()
    {
        using var client = server.Connect();
        client.SendCommand("SUBSCRIBE", "ps:a", "ps:b", "ps:a");

        Assert.Equal("*3\r\n$9\r\nsubscribe\r\n$4\r\nps:a\r\n:1\r\n", client.ReadReplyText());
        Assert.Equal("*3\r\n$9\r\nsubscribe\r\n$4\r\nps:b\r\n:2\r\n", client.ReadReplyText());
        Assert.Equal("*3\r\n$9\r\nsubscribe\r\n$4\r\nps:a\r\n:2\r\n", client.ReadReplyText());
        Assert.Equal("*3\r\n$10\r\npsubscribe\r\n$5\r\nps:p*\r\n:3\r\n", client.Call("PSUBSCRIBE", "ps:p*"));
        client.SendCommand("UNSUBSCRIBE");
        Assert.Equal("*3\r\n$11\r\nunsubscribe\r\n$4\r\nps:a\r\n:2\r\n", client.ReadReplyText());
        Assert.Equal("*3\r\n$11\r\nunsubscribe\r\n$4\r\nps:b\r\n:1\r\n", client.ReadReplyText());
        Assert.Equal("*3\r\n$12\r\npunsubscribe\r\n$5\r\nps:p*\r\n:0\r\n", client.Call("PUNSUBSCRIBE"));
        Assert.Equal("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n", client.Call("UNSUBSCRIBE"));
        Assert.Equal("+PONG\r\n", client.Call("PING"));
    }

    [Fact]
    public void ASubscriberMayOnlySubscribePingQuitOrReset()
    {
        using var client = server.Connect();
        client.Call("SUBSCRIBE", "ps:mode");

        Assert.Equal($"-ERR Can't execute 'get': {Rule}\r\n", client.Call("GET", "k"));
        Assert.Equal($"-ERR Can't execute 'client|list': {Rule}\r\n", client.Call("CLIENT", "LIST"));
        Assert.Equal($"-ERR Can't execute 'publish': {Rule}\r\n", client.Call("PUBLISH", "ps:mode", "m"));
        Assert.Equal("-ERR wrong number of arguments for 'get' command\r\n", client.Call("GET"));
        Assert.Equal("*2\r\n$4\r\npong\r\n$0\r\n\r\n", client.Call("PING"));
        Assert.Equal("*2\r\n$4\r\npong\r\n$2\r\nhi\r\n", client.Call("PING", "hi"));
        Assert.Equal("+OK\r\n", client.Call("QUIT"));
    }

    [Fact]
    public void ConfirmationsAreSentUnderClientReplyOff()
    {
        using var client = server.Connect();
        client.Send("CLIENT REPLY OFF\r\nSUBSCRIBE ps:off\r\nUNSUBSCRIBE\r\nPING\r\nCLIENT REPLY ON\r\n");

        Assert.Equal("*3\r\n$9\r\nsubscribe\r\n$6\r\nps:off\r\n:1\r\n", client.ReadReplyText());
        Assert.Equal("*3\r\n$11\r\nunsubscribe\r\n$6\r\nps:off\r\n:0\r\n", client.ReadReplyText());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
    }

    [Fact]
    public void SubscribeInsideMultiRunsInExecWithItsConfirmationInTheArray()
    {
        using var client = server.Connect();
        client.Call("MULTI");
        client.Call("SUBSCRIBE", "ps:tx");
        client.Call("PUBLISH", "ps:nobody", "m");
        client.Call("SSUBSCRIBE", "ps:shard");
        client.Call("PING");

        Assert.Equal(
            "*4\r\n*3\r\n$9\r\nsubscribe\r\n$5\r\nps:tx\r\n:1\r\n:0\r\n-ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client\r\n" +
            "*2\r\n$4\r\npong\r\n$0\r\n\r\n",
            client.Call("EXEC"));
        Assert.Equal($"-ERR Can't execute 'get': {Rule}\r\n", client.Call("GET", "k"));
    }

    [Fact]
    public void IntrospectsChannelsAndCountsWithoutSubscribers()
    {
        using var client = server.Connect();

        Assert.Equal(":0\r\n", client.Call("PUBLISH", "ps:none", "m"));
        Assert.Equal(":0\r\n", client.Call("SPUBLISH", "ps:none", "m"));
        Assert.Equal("*4\r\n$7\r\nps:none\r\n:0\r\n$3\r\nps:\r\n:0\r\n", client.Call("PUBSUB", "NUMSUB", "ps:none", "ps:"));
        Assert.Equal("*0\r\n", client.Call("PUBSUB", "CHANNELS", "ps:none*"));
        Assert.Equal("-ERR unknown subcommand or wrong number of arguments for 'CHANNELS'. Try PUBSUB HELP.\r\n", client.Call("PUBSUB", "CHANNELS", "a", "b"));
        Assert.Equal("-ERR unknown subcommand 'x'. Try PUBSUB HELP.\r\n", client.Call("PUBSUB", "x"));
    }

    [Fact]
    public void ClosingAConnectionDropsItsSubscriptions()
    {
        using (var subscriber = server.Connect())
        {
            subscriber.Call("SUBSCRIBE", "ps:gone");
            subscriber.Call("PSUBSCRIBE", "ps:gone*");
        }

        // The blocking transport serves this connection only after the first closed; the loop may see the close later.
        using var client = server.Connect();
        Assert.True(SpinWait.SpinUntil(
            () => client.Call("PUBSUB", "NUMSUB", "ps:gone") == "*2\r\n$7\r\nps:gone\r\n:0\r\n", TimeSpan.FromSeconds(30)));
        Assert.Equal(":0\r\n", client.Call("PUBLISH", "ps:gone", "m"));
    }
}
