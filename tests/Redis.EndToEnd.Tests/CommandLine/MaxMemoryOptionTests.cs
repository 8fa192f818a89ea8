using Redis.EndToEnd.Tests.Support;
using Redis.Testing;

namespace Redis.EndToEnd.Tests.CommandLine;

/// <summary>
/// The memory limit's settings from configuration (what <c>--maxmemory 100mb</c> on the command line and
/// <c>Redis__MaxMemory</c> in the environment become), with Redis's memory units, as <c>CONFIG GET</c> reports them.
/// </summary>
[TransportSpecific("Settings are bound from configuration before either transport starts.")]
public sealed class MaxMemoryOptionTests(MaxMemoryOptionTests.Server server) : IClassFixture<MaxMemoryOptionTests.Server>
{
    [Fact]
    public void StartsWithTheConfiguredLimitAndPolicy()
    {
        using var client = server.Connect();

        Assert.Equal("*2\r\n$9\r\nmaxmemory\r\n$9\r\n104857600\r\n", client.Call("CONFIG", "GET", "maxmemory"));
        Assert.Equal("*2\r\n$16\r\nmaxmemory-policy\r\n$11\r\nallkeys-lru\r\n", client.Call("CONFIG", "GET", "maxmemory-policy"));
        Assert.Equal("*2\r\n$17\r\nmaxmemory-samples\r\n$2\r\n10\r\n", client.Call("CONFIG", "GET", "maxmemory-samples"));
        Assert.Contains("\r\nmaxmemory:104857600\r\n", client.Call("INFO", "memory"), StringComparison.Ordinal);
    }

    public sealed class Server : ServerFixture
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Redis:MaxMemory"] = "100mb";
            settings["Redis:MaxMemoryPolicy"] = "allkeys-lru";
            settings["Redis:MaxMemorySamples"] = "10";
        }
    }
}
