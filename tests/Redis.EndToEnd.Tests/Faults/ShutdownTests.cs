using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Redis.Domain.Keys;

namespace Redis.EndToEnd.Tests.Faults;

/// <summary>
/// Stopping the host while a client pipelines without pause: the client receives whole replies only, then the end of
/// the stream (not a reset), and every write it saw acknowledged is in the keyspace, with none run unacknowledged.
/// </summary>
/// <remarks>
/// Each round starts its own server. Before the server drained the input of a connection it ended, closing with
/// unread input made the kernel send RST: in about two runs out of three the client saw a reset instead of the end
/// of the stream, and replies still queued for sending could be lost. Three rounds catch that nearly every time.
/// </remarks>
public abstract class ShutdownTests(ServerFixture server) : IAsyncLifetime
{
    public sealed class Blocking() : ShutdownTests(new ServerFixture<BlockingTransport>());

    public sealed class EventLoop() : ShutdownTests(new ServerFixture<EventLoopTransport>());

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ClientSeesOnlyWholeRepliesThenTheEndOfTheStream(int round)
    {
        var key = "shutdown:counter:" + round.ToString(CultureInfo.InvariantCulture);
        var chunk = Enumerable.Range(0, 1000).SelectMany(_ => Resp.Command("INCR", key)).ToArray();
        using var client = server.Connect();
        var received = new MemoryStream();
        var firstReplies = new TaskCompletionSource();
        var reset = false;

        var writer = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    client.Send(chunk);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The server has closed, or the test has once the stream ended: the burst stops here.
            }
        });
        var reader = Task.Run(() =>
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                int count;
                try
                {
                    count = client.Socket.Receive(buffer);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    reset = true;
                    break;
                }

                if (count == 0)
                {
                    break;
                }

                received.Write(buffer, 0, count);
                if (received.Length > 64 * 1024)
                {
                    firstReplies.TrySetResult();
                }
            }

            firstReplies.TrySetResult();
        });

        await firstReplies.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Stopping blocks until the serving thread is done; the client, like a real one, closes once the stream ends.
        var stopping = Task.Run(server.StopAsync);
        await reader.WaitAsync(TimeSpan.FromSeconds(30));
        client.Socket.Close();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        var replies = RawStream.Replies(received.ToArray(), out var tail);
        Assert.False(reset, "The connection was reset instead of closed after the last reply.");
        Assert.Equal(0, tail);
        Assert.NotEmpty(replies);
        for (var i = 0; i < replies.Count; i++)
        {
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $":{i + 1}\r\n"), replies[i]);
        }

        // The serving thread has ended, so the keyspace may be read from here.
        Assert.Equal(KeyLookup.Found, server.Keyspace.Get(Encoding.ASCII.GetBytes(key), 0, out var counter));
        Assert.Equal(replies.Count.ToString(CultureInfo.InvariantCulture), Encoding.ASCII.GetString(counter.Value.Span));

        // Nobody is listening any more.
        Assert.Throws<SocketException>(server.Connect);
    }
}
