using System.Net;
using Redis.EndToEnd.Tests.Support;

namespace Redis.EndToEnd.Tests.RawSocket;

/// <summary>
/// Protected mode over a real network interface: the server listens on 0.0.0.0 and a client connects to the machine's
/// own non-loopback address, so the server sees a remote address that is not loopback.
/// </summary>
public sealed class ProtectedModeTests
{
    /// <summary>Redis 7.0.15's reply, captured from <c>redis-server --bind 0.0.0.0</c> with no password.</summary>
    public const string Denied =
        "-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. " +
        "In this mode connections are only accepted from the loopback interface. " +
        "If you want to connect from external computers to Redis you may adopt one of the following solutions: " +
        "1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. " +
        "2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. " +
        "3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
        "4) Setup a an authentication password for the default user. " +
        "NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n";

    public abstract class WithoutPassword(ServerFixture server)
    {
        public sealed class Blocking(Server<BlockingTransport> server) : WithoutPassword(server), IClassFixture<Server<BlockingTransport>>;

        public sealed class EventLoop(Server<EventLoopTransport> server) : WithoutPassword(server), IClassFixture<Server<EventLoopTransport>>;

        [NonLoopbackFact]
        public void DeniesANonLoopbackClientThenServesTheNextClient()
        {
            using (var outsider = new WireClient(new IPEndPoint(NonLoopbackFactAttribute.Address!, server.Port)))
            {
                // The refusal comes unasked, at accept, and the connection is closed after it.
                Assert.Equal(Denied, outsider.ReadReplyText());
                Assert.True(outsider.IsClosedByServer());
            }

            using var local = new WireClient(new IPEndPoint(IPAddress.Loopback, server.Port));
            Assert.Equal("+PONG\r\n", local.Call("PING"));
        }

        public sealed class Server<TTransport> : ServerFixture<TTransport>
            where TTransport : ITransport
        {
            protected override void Configure(IDictionary<string, string?> settings) => settings["Redis:Bind"] = "0.0.0.0";
        }
    }

    public abstract class WithPassword(ServerFixture server)
    {
        public sealed class Blocking(Server<BlockingTransport> server) : WithPassword(server), IClassFixture<Server<BlockingTransport>>;

        public sealed class EventLoop(Server<EventLoopTransport> server) : WithPassword(server), IClassFixture<Server<EventLoopTransport>>;

        [NonLoopbackFact]
        public void ServesANonLoopbackClientThatAuthenticates()
        {
            using var outsider = new WireClient(new IPEndPoint(NonLoopbackFactAttribute.Address!, server.Port));

            Assert.Equal("-NOAUTH Authentication required.\r\n", outsider.Call("PING"));
            Assert.Equal("+OK\r\n", outsider.Call("AUTH", "secret"));
            Assert.Equal("+PONG\r\n", outsider.Call("PING"));
        }

        public sealed class Server<TTransport> : ServerFixture<TTransport>
            where TTransport : ITransport
        {
            protected override void Configure(IDictionary<string, string?> settings)
            {
                settings["Redis:Bind"] = "0.0.0.0";
                settings["Redis:RequirePass"] = "secret";
            }
        }
    }
}
