using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Common;
using Redis.Application.Sessions;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary><c>maxclients</c>: the connection over the limit is answered and closed; those within it are unaffected.</summary>
[TransportSpecific("The blocking transport holds one connection at a time, so maxclients never refuses one there.")]
public sealed class MaxClientsTests(MaxClientsTests.Server server) : IClassFixture<MaxClientsTests.Server>
{
    [Fact]
    public void ConnectionOverTheLimitIsRefusedAndOneMoreFitsOnceAnotherLeaves()
    {
        var registry = server.Services.GetRequiredService<ClientRegistry>();
        var statistics = server.Services.GetRequiredService<ServerStatistics>();
        var rejectedBefore = statistics.RejectedConnections;
        using var first = server.Connect();
        using (var second = server.Connect())
        {
            Assert.Equal("+PONG\r\n", first.Call("PING"));
            Assert.Equal("+PONG\r\n", second.Call("PING"));

            using var third = server.Connect();
            Assert.Equal("-ERR max number of clients reached\r\n", third.ReadReplyText());
            Assert.True(third.IsClosedByServer());
            Assert.Equal("+PONG\r\n", first.Call("PING"));
            Assert.Equal(rejectedBefore + 1, statistics.RejectedConnections);
        }

        // The server frees the slot when it reads the end of the second client's stream.
        Assert.True(SpinWait.SpinUntil(() => registry.Count == 1, TimeSpan.FromSeconds(10)));
        using var fourth = server.Connect();
        Assert.Equal("+PONG\r\n", fourth.Call("PING"));
        Assert.Equal("*2\r\n$10\r\nmaxclients\r\n$1\r\n2\r\n", fourth.Call("CONFIG", "GET", "maxclients"));
    }

    public sealed class Server : EventLoopServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:MaxClients"] = "2";
    }
}
