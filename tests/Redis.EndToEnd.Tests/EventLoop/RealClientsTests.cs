using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Sessions;
using Redis.EndToEnd.Tests.Support;
using StackExchange.Redis;

namespace Redis.EndToEnd.Tests.EventLoop;

/// <summary>Real clients with their defaults, which open several connections at once: StackExchange.Redis, redis-benchmark, two redis-cli.</summary>
[TransportSpecific("Each client holds two or more connections open at once, which the blocking transport serves one after another.")]
public sealed class RealClientsTests(EventLoopServerFixture server) : IClassFixture<EventLoopServerFixture>
{
    /// <summary>A hang guard only, generous for a busy machine: no assertion depends on how long anything takes.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private string Port => server.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task StackExchangeRedisWithItsDefaultsOpensBothConnectionsAndServesCommands()
    {
        // Alone on the server (earlier tests' connections gone), so CLIENT LIST shows this multiplexer's and ours.
        var registry = server.Services.GetRequiredService<ClientRegistry>();
        Assert.True(SpinWait.SpinUntil(() => registry.Count == 0, HangGuard));

        // Had the second (pub/sub) connection not been served, Connect would wait out its 5 s connect timeout for it.
        using var redis = ConnectionMultiplexer.Connect("127.0.0.1:" + Port);
        var endPoint = redis.GetServer(redis.GetEndPoints().Single());
        var counters = endPoint.GetCounters();

        Assert.True(redis.IsConnected);
        Assert.True(endPoint.IsConnected);
        Assert.True(redis.GetSubscriber().IsConnected());
        Assert.Equal(1, counters.Interactive.SocketCount);
        Assert.Equal(1, counters.Subscription.SocketCount);
        using (var observer = server.Connect())
        {
            var list = observer.Call("CLIENT", "LIST");
            Assert.Equal(2, list.Split('\n').Count(line => line.Contains(" lib-name=SE.Redis ", StringComparison.Ordinal)));
        }

        var db = redis.GetDatabase();
        Assert.True(await db.StringSetAsync("se:defaults", "value"));
        Assert.Equal("value", (string?)await db.StringGetAsync("se:defaults"));
    }

    [Fact]
    public async Task ConcurrentAsyncCommandsFromManyTasksOverOneMultiplexerAllCompleteCorrectly()
    {
        const int Tasks = 64;
        const int Operations = 50;
        await using var redis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:" + Port);
        var db = redis.GetDatabase();

        var shared = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            // Four commands in flight per task before it awaits any: they share the pipeline with every other task's.
            var counts = new List<long>();
            for (var i = 0; i < Operations; i++)
            {
                var key = FormattableString.Invariant($"mux:{t}:{i}");
                var value = FormattableString.Invariant($"{t}-{i}");
                var set = db.StringSetAsync(key, value);
                var increment = db.StringIncrementAsync("mux:shared");
                var own = db.StringIncrementAsync(FormattableString.Invariant($"mux:{t}:n"));
                var get = db.StringGetAsync(key);
                Assert.True(await set);
                counts.Add(await increment);
                Assert.Equal(i + 1, await own);
                Assert.Equal(value, (string?)await get);
            }

            return counts;
        }))).WaitAsync(HangGuard);

        Assert.Equal(Enumerable.Range(1, Tasks * Operations).Select(n => (long)n), shared.SelectMany(c => c).Order());
        Assert.Equal(Tasks * Operations, (long)await db.StringGetAsync("mux:shared"));
    }

    [Fact]
    public void RedisBenchmarkWithItsDefaultFiftyClientsCompletesEveryRequest()
    {
        var (exitCode, output, error) = ExternalTool.Run(
            ExternalTool.Require("redis-benchmark"),
            ["-h", "127.0.0.1", "-p", Port, "-n", "2000", "-t", "set,get,incr"],
            HangGuard);

        Assert.True(exitCode == 0, error);
        foreach (var test in new[] { "SET", "GET", "INCR" })
        {
            Assert.Contains($"====== {test} ======\n  2000 requests completed in ", output, StringComparison.Ordinal);
        }

        Assert.Contains("\n  50 parallel clients\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ERR", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRedisCliProcessesAreServedAtOnce()
    {
        // Both interactive (reading commands from stdin), so both hold their connection from start to end.
        using var first = ExternalTool.Start(ExternalTool.Require("redis-cli"), ["-h", "127.0.0.1", "-p", Port]);
        using var second = ExternalTool.Start(ExternalTool.Require("redis-cli"), ["-h", "127.0.0.1", "-p", Port]);
        try
        {
            Assert.Equal("OK", await Send(first, "SET cli:two from-first"));
            Assert.Equal("from-first", await Send(second, "GET cli:two"));
            Assert.Equal("1", await Send(first, "INCR cli:two:n"));
            Assert.Equal("2", await Send(second, "INCR cli:two:n"));
            Assert.Equal("2", await Send(first, "GET cli:two:n"));

            foreach (var cli in new[] { first, second })
            {
                cli.StandardInput.Close();
                Assert.True(cli.WaitForExit(HangGuard), "redis-cli did not exit at the end of its input");
                Assert.Equal(0, cli.ExitCode);
            }
        }
        finally
        {
            foreach (var cli in new[] { first, second }.Where(p => !p.HasExited))
            {
                cli.Kill();
            }
        }
    }

    /// <summary>Sends one command line to an interactive redis-cli and returns the line it prints (raw output: stdout is a pipe).</summary>
    private static async Task<string?> Send(Process cli, string command)
    {
        await cli.StandardInput.WriteLineAsync(command);
        await cli.StandardInput.FlushAsync();
        return await cli.StandardOutput.ReadLineAsync().WaitAsync(HangGuard);
    }
}
