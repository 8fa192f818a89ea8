using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Protocol;

namespace Redis.Benchmarks;

/// <summary>One command from parsed arguments to reply: router, binder, mediator, validation, handler, keyspace.</summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private ServiceProvider _services = null!;
    private CommandRouter _router = null!;
    private ClientSession _session = null!;
    private CommandArgs _get;
    private CommandArgs _set;
    private CommandArgs _setEx;
    private CommandArgs _eval;
    private CommandArgs _evalSha;
    private CommandArgs _multi;
    private CommandArgs _exec;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().Build();
        // The server's lifetime hook needs the host's; the benchmark has no host, so it gets the host's default one.
        _services = new ServiceCollection().AddLogging()
            .AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>()
            .AddRedisServer(configuration).BuildServiceProvider();
        _router = _services.GetRequiredService<CommandRouter>();
        _session = _services.GetRequiredService<ClientRegistry>().Open(null, null);
        _get = CommandArgs.From("GET", "key:000000123456");
        _set = CommandArgs.From("SET", "key:000000123456", "xxx");
        _setEx = CommandArgs.From("SET", "key:000000123456", "xxx", "EX", "100");
        _router.Execute(_session, _set);

        _multi = CommandArgs.From("MULTI");
        _exec = CommandArgs.From("EXEC");

        // redis-benchmark's script (docs/performance.md, scripts/bench-eval.sh).
        const string script = "return redis.call('SET', KEYS[1], ARGV[1])";
        _eval = CommandArgs.From("EVAL", script, "1", "key:000000123456", "xxx");
        var sha = Encoding.ASCII.GetString(_router.Execute(_session, CommandArgs.From("SCRIPT", "LOAD", script)).Bytes);
        _evalSha = CommandArgs.From("EVALSHA", sha, "1", "key:000000123456", "xxx");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Reply Get() => _router.Execute(_session, _get);

    [Benchmark]
    public Reply Set() => _router.Execute(_session, _set);

    /// <summary>SET with EX runs the FluentValidation validator: the price of validation on the hot path.</summary>
    [Benchmark]
    public Reply SetWithExpiry() => _router.Execute(_session, _setEx);

    /// <summary>EVAL of the same body each time, as a client sends it: the Lua call, its SET, and finding the script.</summary>
    [Benchmark]
    public Reply Eval() => _router.Execute(_session, _eval);

    [Benchmark]
    public Reply EvalSha() => _router.Execute(_session, _evalSha);

    /// <summary>The loop scripts/bench.sh times over the network: MULTI, ten SETs queued, EXEC.</summary>
    [Benchmark]
    public Reply Transaction()
    {
        _router.Execute(_session, _multi);
        for (var i = 0; i < 10; i++)
        {
            _router.Execute(_session, _set);
        }

        return _router.Execute(_session, _exec);
    }

    [Benchmark]
    public Reply UnknownCommand() => _router.Execute(_session, CommandArgs.From(Encoding.ASCII.GetBytes("NOPE")));
}
