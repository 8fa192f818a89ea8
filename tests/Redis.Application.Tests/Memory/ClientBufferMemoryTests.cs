using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Propagation;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.Memory;

/// <summary>The clients' buffers in used memory: each connection reports the change of its buffers' size, and nothing once closed.</summary>
public class ClientBufferMemoryTests
{
    [Fact]
    public void EachConnectionAddsWhatItsBuffersGrewByAndTakesItAllBackAtTheEnd()
    {
        var memory = new ClientBufferMemory();
        long first = 0, second = 0;

        memory.Report(ref first, 16 * 1024);
        memory.Report(ref second, 1024);
        memory.Report(ref first, 64 * 1024);
        Assert.Equal((64 * 1024) + 1024, memory.NormalBytes);

        memory.Report(ref first, 64 * 1024);
        Assert.Equal((64 * 1024) + 1024, memory.NormalBytes);

        memory.Report(ref first, 0);
        Assert.Equal(1024, memory.NormalBytes);
        Assert.Equal(0, first);
        memory.Report(ref second, 0);
        Assert.Equal(0, memory.NormalBytes);
    }

    [Fact]
    public void TheBuffersCountInUsedMemoryAndTowardTheLimit()
    {
        var databases = new Databases(1, new Random(9));
        var settings = new TestSettings(new("maxmemory", "0"), new("maxmemory-policy", "allkeys-random"));
        var memory = new MemoryLimit(databases, settings, TestEvents.Off, new CommandPropagation(databases), new ServerStatistics(), TestClock.Create(), startupBytes: 1000);
        for (var i = 0; i < 100; i++)
        {
            databases[0].Set(System.Text.Encoding.ASCII.GetBytes("key" + i), "value"u8);
        }

        var used = memory.UsedBytes;
        long connection = 0;
        memory.Clients.Report(ref connection, used);

        Assert.Equal(2 * used, memory.UsedBytes);

        // A limit the keys alone are under: the clients' buffers take memory over it, and keys go as Redis evicts for them.
        Assert.Null(settings.TrySet([new("maxmemory", (2 * used).ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        memory.Clients.Report(ref connection, used + 500);
        Assert.Equal(EvictionResult.Ok, memory.PerformEvictions());
        Assert.InRange(memory.UsedBytes, 0, 2 * used);
        Assert.True(databases.KeyCount < 100);
    }
}
