using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>Expiry driven by the server's fake clock: no test sleeps.</summary>
public abstract class ExpiryTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : ExpiryTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : ExpiryTests(server);

    [Fact]
    public void ReturnsNilAfterSetExTtlElapses()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SET", "session", "abc", "EX", "10"));
        Assert.Equal(":10\r\n", client.Call("TTL", "session"));

        server.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("$3\r\nabc\r\n", client.Call("GET", "session"));

        server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("$-1\r\n", client.Call("GET", "session"));
        Assert.Equal(":-2\r\n", client.Call("TTL", "session"));
    }

    [Fact]
    public void ExpireSetsATtlAndANegativeTimeDeletes()
    {
        using var client = server.Connect();
        client.Call("SET", "e1", "v");
        Assert.Equal(":-1\r\n", client.Call("TTL", "e1"));
        Assert.Equal(":1\r\n", client.Call("EXPIRE", "e1", "100"));
        server.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(":60\r\n", client.Call("TTL", "e1"));
        Assert.Equal(":1\r\n", client.Call("EXPIRE", "e1", "-1"));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "e1"));
        Assert.Equal(":0\r\n", client.Call("EXPIRE", "e1", "100"));
    }

    [Fact]
    public void SetWithoutExClearsAnEarlierTtl()
    {
        using var client = server.Connect();
        client.Call("SET", "e2", "v", "EX", "5");
        client.Call("SET", "e2", "w");
        server.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("$1\r\nw\r\n", client.Call("GET", "e2"));
    }
}
