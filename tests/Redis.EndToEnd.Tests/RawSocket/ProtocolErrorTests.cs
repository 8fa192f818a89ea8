using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>Malformed or over-limit input gets Redis's protocol error, that connection is closed, and the next client is served.</summary>
public abstract class ProtocolErrorTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : ProtocolErrorTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : ProtocolErrorTests(server), IClassFixture<Server<EventLoopTransport>>;

    public const int BulkLimit = 1000;
    public const int InlineLimit = 100;
    public const int ArgumentLimit = 8;

    [Theory]
    [InlineData("*abc\r\n", "invalid multibulk length")]
    [InlineData("*1\r\n+PING\r\n", "expected '$', got '+'")]
    [InlineData("*1\r\n$-5\r\n", "invalid bulk length")]
    [InlineData("SET k \"unterminated\r\n", "unbalanced quotes in request")]
    [InlineData("SET k \"a\"b\r\n", "unbalanced quotes in request")]
    public void MalformedInputGetsProtocolErrorThenClose(string request, string error)
    {
        AssertProtocolErrorThenNextClientServed(System.Text.Encoding.ASCII.GetBytes(request), error);
    }

    [Fact]
    public void BulkAtLimitIsAcceptedAndOneMoreIsRefused()
    {
        using (var client = server.Connect())
        {
            Assert.Equal("+OK\r\n", client.Call("SET", "k", new string('x', BulkLimit)));
        }

        AssertProtocolErrorThenNextClientServed(
            Resp.Command("SET", "k", new string('x', BulkLimit + 1)), "invalid bulk length");
    }

    [Fact]
    public void InlineLineAtLimitIsAcceptedAndOneMoreIsRefused()
    {
        var atLimit = "ECHO " + new string('y', InlineLimit - 5);
        using (var client = server.Connect())
        {
            client.Send(atLimit + "\r\n");
            Assert.Equal($"${InlineLimit - 5}\r\n{new string('y', InlineLimit - 5)}\r\n", client.ReadReplyText());
        }

        AssertProtocolErrorThenNextClientServed(
            System.Text.Encoding.ASCII.GetBytes(atLimit + "y\r\n"), "too big inline request");
    }

    [Fact]
    public void ArgumentCountAtLimitIsAcceptedAndOneMoreIsRefused()
    {
        var keys = Enumerable.Range(0, ArgumentLimit - 1).Select(i => "k" + i).ToArray();
        using (var client = server.Connect())
        {
            Assert.Equal(":0\r\n", client.Call(["EXISTS", .. keys]));
        }

        AssertProtocolErrorThenNextClientServed(Resp.Command(["EXISTS", .. keys, "one-more"]), "invalid multibulk length");
    }

    private void AssertProtocolErrorThenNextClientServed(byte[] request, string error)
    {
        using (var client = server.Connect())
        {
            client.Send(request);
            Assert.Equal($"-ERR Protocol error: {error}\r\n", client.ReadReplyText());
            Assert.True(client.IsClosedByServer());
        }

        using var next = server.Connect();
        Assert.Equal("+PONG\r\n", next.Call("PING"));
    }

    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Redis:ProtoMaxBulkLen"] = BulkLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Redis:InlineMaxLength"] = InlineLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Redis:MaxArguments"] = ArgumentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
