using System.Globalization;
using System.Text;
using Redis.EndToEnd.Tests.EventLoop;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

public abstract class PipelineTests(ServerFixture server)
{
    [Collection(ServerCollection.Name)]
    public sealed class Blocking(ServerFixture server) : PipelineTests(server);

    [Collection(EventLoopServerCollection.Name)]
    public sealed class EventLoop(EventLoopServerFixture server) : PipelineTests(server);

    [Fact]
    public void ThousandCommandsInOneWriteGetThousandRepliesInOrder()
    {
        var batch = new MemoryStream();
        for (var i = 0; i < 500; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            batch.Write(Resp.Command("SET", "p" + n, "v" + n));
            batch.Write(Resp.Command("GET", "p" + n));
        }

        using var client = server.Connect();
        client.Send(batch.ToArray());
        for (var i = 0; i < 500; i++)
        {
            var n = "v" + i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal("+OK\r\n", client.ReadReplyText());
            Assert.Equal($"${n.Length}\r\n{n}\r\n", client.ReadReplyText());
        }

        Assert.Equal(0, client.Available);
    }

    [Fact]
    public void MixedInlineAndRespPipelineIsAnsweredInOrder()
    {
        using var client = server.Connect();
        client.Send(Encoding.ASCII.GetBytes("PING\r\n").Concat(Resp.Command("ECHO", "resp")).Concat("ECHO inline\n"u8.ToArray()).ToArray());
        Assert.Equal("+PONG\r\n", client.ReadReplyText());
        Assert.Equal("$4\r\nresp\r\n", client.ReadReplyText());
        Assert.Equal("$6\r\ninline\r\n", client.ReadReplyText());
    }
}
