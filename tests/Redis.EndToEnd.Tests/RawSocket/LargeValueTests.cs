using System.Text;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>Large values survive framing in both wire formats, however the kernel splits them.</summary>
public abstract class LargeValueTests(ServerFixture server)
{
    public sealed class Blocking(Server<BlockingTransport> server) : LargeValueTests(server), IClassFixture<Server<BlockingTransport>>;

    public sealed class EventLoop(Server<EventLoopTransport> server) : LargeValueTests(server), IClassFixture<Server<EventLoopTransport>>;

    public static TheoryData<int> Sizes => new() { 100 * 1024, 10 * 1024 * 1024 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RespValueRoundTripsIntact(int size)
    {
        var value = Resp.Payload(size, seed: size);
        using var client = server.Connect();
        client.Send(Resp.Command("SET"u8.ToArray(), "big-resp"u8.ToArray(), value));
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        client.SendCommand("GET", "big-resp");
        Assert.Equal(Resp.Bulk(value), client.ReadReply());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void InlineValueRoundTripsIntact(int size)
    {
        var value = Resp.Payload(size, seed: size + 1);
        using var client = server.Connect();
        client.Send([.. "SET big-inline "u8, .. value, .. "\r\n"u8]);
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        client.Send("GET big-inline\r\n");
        Assert.Equal(Resp.Bulk(value), client.ReadReply());
    }

    /// <summary>The lab's nine plain-text round trips: keys of 1, 5, 10 KB with values of 10, 50, 100 KB.</summary>
    [Fact]
    public void LabKeyAndValueSizesRoundTripAsPlainTextLines()
    {
        using var client = server.Connect();
        foreach (var keyKb in new[] { 1, 5, 10 })
        {
            foreach (var valueKb in new[] { 10, 50, 100 })
            {
                var key = Resp.Payload(keyKb * 1024, seed: keyKb);
                var value = Resp.Payload(valueKb * 1024, seed: valueKb + 7);
                client.Send([.. "SET "u8, .. key, .. " "u8, .. value, .. "\n"u8]);
                Assert.Equal("+OK\r\n", client.ReadReplyText());
                client.Send([.. "GET "u8, .. key, .. "\n"u8]);
                Assert.Equal(Resp.Bulk(value), client.ReadReply());
            }
        }
    }

    [Fact]
    public void ValueSentOneSmallWriteAtATimeRoundTrips()
    {
        var value = Resp.Payload(200 * 1024, seed: 3);
        var request = Resp.Command("SET"u8.ToArray(), "trickle"u8.ToArray(), value);
        using var client = server.Connect();
        foreach (var chunk in request.Chunk(1000))
        {
            client.Send(chunk);
        }

        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal(Encoding.ASCII.GetBytes($"${value.Length}\r\n").Length + value.Length + 2, client.Call("GET", "trickle").Length);
    }

    /// <summary>
    /// Large records that keys give back are reused for later values (ADR 0015). Every value read here must be the
    /// one written, whether a record was reused between batches or a removed key's value is still being answered.
    /// </summary>
    [Fact]
    public void ValuesStayIntactWhileRecordsOfRemovedKeysAreReused()
    {
        var values = Enumerable.Range(0, 6).Select(i => Resp.Payload(100 * 1024, seed: 40 + i)).ToArray();
        byte[] Key(string name) => Encoding.ASCII.GetBytes("reuse-" + name);
        using var client = server.Connect();

        client.Send(Resp.Command("SET"u8.ToArray(), Key("a"), values[0]));
        Assert.Equal("+OK\r\n", client.ReadReplyText());

        // One batch: the value moves to a longer key (a new record, written while the old one is still read), is read
        // and deleted, and a new value of the same size is stored at once.
        client.Send([
            .. Resp.Command("RENAME"u8.ToArray(), Key("a"), Key("b-a-longer-name")),
            .. Resp.Command("GETDEL"u8.ToArray(), Key("b-a-longer-name")),
            .. Resp.Command("SET"u8.ToArray(), Key("c"), values[1]),
            .. Resp.Command("GET"u8.ToArray(), Key("c")),
        ]);
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal(Resp.Bulk(values[0]), client.ReadReply());
        Assert.Equal("+OK\r\n", client.ReadReplyText());
        Assert.Equal(Resp.Bulk(values[1]), client.ReadReply());

        // Later batches take the records given back above.
        for (var i = 2; i < values.Length; i++)
        {
            client.Send(Resp.Command("SET"u8.ToArray(), Key("n" + i), values[i]));
            Assert.Equal("+OK\r\n", client.ReadReplyText());
            client.Send(Resp.Command("DEL"u8.ToArray(), Key("c")));
            Assert.Equal(i == 2 ? ":1\r\n" : ":0\r\n", client.ReadReplyText());
        }

        for (var i = 2; i < values.Length; i++)
        {
            client.SendCommand("GET", "reuse-n" + i);
            Assert.Equal(Resp.Bulk(values[i]), client.ReadReply());
        }
    }

    /// <summary>A server whose inline limit admits a 10 MB plain-text line (the default is 1 MiB).</summary>
    public sealed class Server<TTransport> : ServerFixture<TTransport>
        where TTransport : ITransport
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Redis:InlineMaxLength"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
