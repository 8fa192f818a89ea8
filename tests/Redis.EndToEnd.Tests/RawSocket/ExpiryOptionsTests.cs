using System.Globalization;
using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>Every expiry option, driven by the server's fake clock: exact TTLs, absolute instants, GT/LT; no test sleeps.</summary>
public abstract class ExpiryOptionsTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : ExpiryOptionsTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : ExpiryOptionsTests(server);

    private long NowMs => server.Clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public void SetPxAndPsetexCountInMilliseconds()
    {
        using var client = server.Connect();
        Assert.Equal("+OK\r\n", client.Call("SET", "eo:px", "v", "PX", "1500"));
        Assert.Equal(":1500\r\n", client.Call("PTTL", "eo:px"));
        Assert.Equal(":2\r\n", client.Call("TTL", "eo:px"));
        Assert.Equal("+OK\r\n", client.Call("PSETEX", "eo:psetex", "250", "v"));
        Assert.Equal("+OK\r\n", client.Call("SETEX", "eo:setex", "1", "v"));

        server.Clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(":1250\r\n", client.Call("PTTL", "eo:px"));
        Assert.Equal(":1\r\n", client.Call("EXISTS", "eo:psetex"));
        server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "eo:psetex"));
        Assert.Equal(":749\r\n", client.Call("PTTL", "eo:setex"));
    }

    [Fact]
    public void SetExatAndPxatExpireAtTheGivenInstant()
    {
        using var client = server.Connect();
        var at = NowMs + 10_000;
        var atSeconds = (NowMs / 1000) + 20;
        Assert.Equal("+OK\r\n", client.Call("SET", "eo:pxat", "v", "PXAT", Text(at)));
        Assert.Equal("+OK\r\n", client.Call("SET", "eo:exat", "v", "EXAT", Text(atSeconds)));
        Assert.Equal($":{at}\r\n", client.Call("PEXPIRETIME", "eo:pxat"));
        Assert.Equal($":{atSeconds}\r\n", client.Call("EXPIRETIME", "eo:exat"));
        Assert.Equal($":{atSeconds * 1000}\r\n", client.Call("PEXPIRETIME", "eo:exat"));

        server.Clock.Advance(TimeSpan.FromMilliseconds(10_000));
        Assert.Equal("$1\r\nv\r\n", client.Call("GET", "eo:pxat"));
        server.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("$-1\r\n", client.Call("GET", "eo:pxat"));
        Assert.Equal(":1\r\n", client.Call("EXISTS", "eo:exat"));

        // An instant already past stores nothing visible.
        Assert.Equal("+OK\r\n", client.Call("SET", "eo:past", "v", "PXAT", Text(NowMs - 1)));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "eo:past"));
    }

    [Fact]
    public void KeepTtlKeepsAndPlainSetClears()
    {
        using var client = server.Connect();
        client.Call("SET", "eo:keep", "v", "EX", "100");
        server.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal("+OK\r\n", client.Call("SET", "eo:keep", "w", "KEEPTTL"));
        Assert.Equal(":60\r\n", client.Call("TTL", "eo:keep"));
        Assert.Equal("$1\r\nw\r\n", client.Call("SET", "eo:keep", "x", "GET"));
        Assert.Equal(":-1\r\n", client.Call("TTL", "eo:keep"));
    }

    [Fact]
    public void GetexSetsChangesAndRemovesTheTtl()
    {
        using var client = server.Connect();
        client.Call("SET", "eo:getex", "v");
        Assert.Equal("$1\r\nv\r\n", client.Call("GETEX", "eo:getex", "PX", "5000"));
        Assert.Equal(":5000\r\n", client.Call("PTTL", "eo:getex"));
        var at = NowMs + 7000;
        Assert.Equal("$1\r\nv\r\n", client.Call("GETEX", "eo:getex", "PXAT", Text(at)));
        Assert.Equal($":{at}\r\n", client.Call("PEXPIRETIME", "eo:getex"));
        Assert.Equal("$1\r\nv\r\n", client.Call("GETEX", "eo:getex", "PERSIST"));
        Assert.Equal(":-1\r\n", client.Call("PTTL", "eo:getex"));
        Assert.Equal("$1\r\nv\r\n", client.Call("GETEX", "eo:getex", "EXAT", Text((NowMs / 1000) - 1)));
        Assert.Equal(":0\r\n", client.Call("EXISTS", "eo:getex"));
    }

    [Fact]
    public void PexpireAndExpireatFamilyWithGtAndLt()
    {
        using var client = server.Connect();
        client.Call("SET", "eo:gt", "v");
        Assert.Equal(":0\r\n", client.Call("PEXPIRE", "eo:gt", "1000", "GT"));
        Assert.Equal(":1\r\n", client.Call("PEXPIRE", "eo:gt", "1000", "LT"));
        Assert.Equal(":1000\r\n", client.Call("PTTL", "eo:gt"));

        var later = (NowMs / 1000) + 3600;
        Assert.Equal(":0\r\n", client.Call("EXPIREAT", "eo:gt", Text(later), "LT"));
        Assert.Equal(":1\r\n", client.Call("EXPIREAT", "eo:gt", Text(later), "GT"));
        Assert.Equal($":{later}\r\n", client.Call("EXPIRETIME", "eo:gt"));
        Assert.Equal(":0\r\n", client.Call("PEXPIREAT", "eo:gt", Text((later * 1000) + 1), "LT"));
        Assert.Equal(":1\r\n", client.Call("PEXPIREAT", "eo:gt", Text((later * 1000) - 1), "LT"));
        Assert.Equal($":{(later * 1000) - 1}\r\n", client.Call("PEXPIRETIME", "eo:gt"));

        // A time in the past deletes the key, and still answers 1.
        Assert.Equal(":1\r\n", client.Call("PEXPIREAT", "eo:gt", Text(NowMs - 1)));
        Assert.Equal(":-2\r\n", client.Call("PTTL", "eo:gt"));
    }

    [Fact]
    public void PersistRemovesTheTtlAndCountsOnlyRealRemovals()
    {
        using var client = server.Connect();
        client.Call("SET", "eo:persist", "v", "EX", "5");
        Assert.Equal(":1\r\n", client.Call("PERSIST", "eo:persist"));
        Assert.Equal(":0\r\n", client.Call("PERSIST", "eo:persist"));
        Assert.Equal(":0\r\n", client.Call("PERSIST", "eo:none"));
        server.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(":1\r\n", client.Call("EXISTS", "eo:persist"));
    }

    [Fact]
    public void RenameCarriesTheTtlAndIncrAppendKeepIt()
    {
        using var client = server.Connect();
        client.Call("SET", "eo:ren", "1", "PX", "9000");
        Assert.Equal("+OK\r\n", client.Call("RENAME", "eo:ren", "eo:ren2"));
        Assert.Equal(":9000\r\n", client.Call("PTTL", "eo:ren2"));
        Assert.Equal(":2\r\n", client.Call("INCR", "eo:ren2"));
        Assert.Equal(":2\r\n", client.Call("APPEND", "eo:ren2", "0"));
        Assert.Equal("$3\r\n3.5\r\n", client.Call("INCRBYFLOAT", "eo:ren2", "-16.5"));
        Assert.Equal(":9000\r\n", client.Call("PTTL", "eo:ren2"));
        server.Clock.Advance(TimeSpan.FromMilliseconds(9001));
        Assert.Equal("$-1\r\n", client.Call("GET", "eo:ren2"));
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
