using System.Net;

namespace Redis.EndToEnd.Tests.Twemproxy;

/// <summary>Three servers on the transport <typeparamref name="TTransport"/>, each on its own free loopback port, for nutcracker to shard over.</summary>
public sealed class Shards<TTransport> : IAsyncLifetime
    where TTransport : ITransport
{
    public IReadOnlyList<ServerFixture> Servers { get; } = [new ServerFixture<TTransport>(), new ServerFixture<TTransport>(), new ServerFixture<TTransport>()];

    public IEnumerable<IPEndPoint> EndPoints => Servers.Select(s => s.EndPoint);

    public async Task InitializeAsync()
    {
        foreach (var server in Servers)
        {
            await server.InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }
    }
}
