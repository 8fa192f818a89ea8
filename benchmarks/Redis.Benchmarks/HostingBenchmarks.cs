using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Redis.Hosting;

namespace Redis.Benchmarks;

/// <summary>
/// What an in-process server costs a test suite: starting one (listening, first PING answered) and stopping it, for a
/// class fixture; and emptying it between tests (FLUSHALL over its own connection).
/// </summary>
[MemoryDiagnoser]
public class HostingBenchmarks
{
    private RedisCleanServer _server = null!;

    [GlobalSetup(Target = nameof(FlushAll))]
    public async Task StartOne() => _server = await RedisCleanServer.StartAsync();

    [GlobalCleanup(Target = nameof(FlushAll))]
    public async Task StopOne() => await _server.DisposeAsync();

    [Benchmark]
    public async Task StartPingAndStop()
    {
        await using var server = await RedisCleanServer.StartAsync(new RedisCleanServerOptions { TimeProvider = new FakeTimeProvider() });
        using var client = new TcpClient();
        await client.ConnectAsync(server.EndPoint);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var reply = new byte[7];
        await stream.ReadExactlyAsync(reply);
    }

    [Benchmark]
    public Task FlushAll() => _server.FlushAllAsync();
}
