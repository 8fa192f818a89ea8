using System.Globalization;
using Redis.EndToEnd.Tests.Support;
using Redis.Testing;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>
/// The clients' buffers are part of used memory, as Redis's allocator counts them: a client that leaves replies or
/// published messages unread raises <c>mem_clients_normal</c> and <c>used_memory</c>, and both fall back when it leaves.
/// </summary>
[TransportSpecific("The observing client is another connection: the blocking transport serves one at a time.")]
public sealed class ClientBufferMemoryTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    /// <summary>Far more than the loopback socket buffers can hold, so most of it stays pending in the server.</summary>
    private const long Pending = 32L * 1024 * 1024;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void APipelinedReplyLeftUnreadCountsUntilTheClientLeaves()
    {
        using var observer = server.Connect();
        var value = new string('v', 1024 * 1024);
        observer.Call("SET", "buffers:big", value);
        var before = Field(observer, "mem_clients_normal");
        var usedBefore = Field(observer, "used_memory");

        var reader = server.Connect();
        reader.Socket.ReceiveBufferSize = 64 * 1024;
        for (var i = 0; i < Pending / value.Length; i++)
        {
            reader.SendCommand("GET", "buffers:big");
        }

        Assert.True(Poll(() => Field(observer, "mem_clients_normal") > before + (Pending / 2)), "the pending replies were not counted");
        var grown = Field(observer, "mem_clients_normal") - before;
        Assert.InRange(Field(observer, "used_memory") - usedBefore, grown - (64 * 1024), long.MaxValue);

        reader.Dispose();
        Assert.True(Poll(() => Field(observer, "mem_clients_normal") < before + (64 * 1024)), "the buffers were not given back");
        observer.Call("DEL", "buffers:big");
    }

    [Fact]
    public void ASubscriberThatDoesNotReadCountsItsMessagesUntilItLeaves()
    {
        using var observer = server.Connect();
        var before = Field(observer, "mem_clients_normal");
        var subscriber = server.Connect();
        subscriber.Call("SUBSCRIBE", "buffers:channel");
        subscriber.Socket.ReceiveBufferSize = 64 * 1024;

        // Half of Pending: the pubsub class's default hard limit is 32 MB. The publisher is a connection of its own: the
        // messages grow its query buffer, which it keeps until it leaves.
        var message = new string('m', 256 * 1024);
        using (var publisher = server.Connect())
        {
            for (var i = 0; i < Pending / 2 / message.Length; i++)
            {
                Assert.Equal(":1\r\n", publisher.Call("PUBLISH", "buffers:channel", message));
            }
        }

        Assert.InRange(Field(observer, "mem_clients_normal"), before + (Pending / 4), long.MaxValue);

        subscriber.Dispose();
        Assert.True(Poll(() => Field(observer, "mem_clients_normal") < before + (64 * 1024)), "the buffers were not given back");
    }

    private static bool Poll(Func<bool> condition) => SpinWait.SpinUntil(condition, Deadline);

    private static long Field(WireClient client, string name)
    {
        foreach (var line in client.Call("INFO", "memory").Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No {name} in INFO memory.");
    }
}
