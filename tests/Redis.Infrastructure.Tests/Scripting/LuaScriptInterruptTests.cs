using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Redis.Application.Common;
using Redis.Application.Propagation;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Scripting;
using Redis.Protocol;

namespace Redis.Infrastructure.Tests.Scripting;

/// <summary>
/// A long script and <c>busy-reply-threshold</c>, on a clock that moves only when the test says: the engine asks
/// <see cref="RunningScript.Interrupt"/> every so many instructions, which serves others (here a counter standing for
/// the event loop) once the threshold passed, and a <c>SCRIPT KILL</c> made meanwhile stops the script.
/// </summary>
public sealed class LuaScriptInterruptTests : IDisposable
{
    private const string Endless = "while true do end";

    private readonly FakeTimeProvider _clock = new();
    private readonly ServerSettings _settings = new(Options.Create(new RedisServerOptions()));
    private readonly RunningScript _run;
    private readonly LuaScriptEngine _engine;
    private readonly ClientSession _caller = ClientSession.ForScript();
    private int _served;

    public LuaScriptInterruptTests()
    {
        _run = new RunningScript(_settings, _clock);
        _engine = new(null!, null!, new CommandPropagation(new Databases(16)), _run, new ErrorStatistics(), null!, NullLogger<LuaScriptEngine>.Instance);
        _run.ServeOthers = caller =>
        {
            Assert.Same(_caller, caller);
            _served++;
        };
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void AScriptWithinTheThresholdServesNobody()
    {
        var reply = Eval("local x = 0 for i = 1, 3000000 do x = x + 1 end return x");

        Assert.Equal(":3000000", reply.ToString());
        Assert.Equal(0, _served);
        Assert.False(_run.IsBusy);
    }

    [Fact]
    public void PastTheThresholdOthersAreServedBetweenInstructionsAndTheScriptGoesOn()
    {
        SetThreshold(0);
        var busyWhileRunning = false;
        _run.ServeOthers = _ =>
        {
            busyWhileRunning = _run.IsBusy;
            _served++;
        };

        var reply = Eval("local x = 0 for i = 1, 3000000 do x = x + 1 end return x");

        Assert.Equal(":3000000", reply.ToString());
        Assert.True(_served > 1, $"served {_served} times");
        Assert.True(busyWhileRunning);
        Assert.False(_run.IsBusy);
        Assert.False(_run.IsRunning);
    }

    [Fact]
    public void TheThresholdIsOnTheServersClock()
    {
        _run.ServeOthers = _ =>
        {
            _served++;
            Assert.Equal("+OK", _run.Kill().ToString());
        };

        // Nothing moves the clock: the script is never busy, so it ends on its own.
        Assert.Equal(":1", Eval("for i = 1, 1000000 do end return 1").ToString());
        Assert.Equal(0, _served);
    }

    [Fact]
    public void SCRIPTKILLStopsAnEndlessScriptPastTheThresholdWithRedisError()
    {
        // Every read of the clock moves it a second: the script is busy at the check that finds 5 s gone.
        _clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
        var busyAt = TimeSpan.Zero;
        var started = _clock.GetUtcNow();
        _run.ServeOthers = _ =>
        {
            if (++_served == 1)
            {
                busyAt = _clock.GetUtcNow() - started;
            }

            if (_served == 3)
            {
                Assert.Equal("+OK", _run.Kill().ToString());
            }
        };

        var reply = Eval(Endless);

        Assert.Equal($"-ERR Script killed by user with SCRIPT KILL... script: {Sha(Endless)}, on @user_script:1.", reply.ToString());
        Assert.Equal(3, _served);
        Assert.InRange(busyAt, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8));
        Assert.False(_run.IsRunning);
    }

    [Theory]
    [InlineData("local n = 0\nwhile true do\n  pcall(function() while true do end end)\n  n = n + 1\nend")]
    [InlineData("local co = coroutine.wrap(function()\n  while true do end\nend)\nco()")]
    [InlineData("local co = coroutine.create(function()\n  while true do end\nend)\nwhile true do coroutine.resume(co) end")]
    [InlineData("local function loop() return loop() end\nreturn loop()")]
    public void NeitherPcallNorACoroutineNorATailCallHoldsTheScriptPastAKill(string script)
    {
        SetThreshold(0);
        _run.ServeOthers = _ => _run.Kill();

        var reply = Eval(script);

        Assert.StartsWith("-ERR Script killed by user with SCRIPT KILL... script: ", reply.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"on @user_script:\d+\.$", reply.ToString());
    }

    [Fact]
    public void AfterAKillTheNextScriptsRunAndCanBeKilledAgain()
    {
        SetThreshold(0);
        _run.ServeOthers = _ => _run.Kill();
        Assert.StartsWith("-ERR Script killed", Eval(Endless).ToString(), StringComparison.Ordinal);

        _run.ServeOthers = _ => _served++;
        Assert.Equal(":7", Eval("local x = 0 for i = 1, 1000000 do x = i end return 7").ToString());
        Assert.True(_served > 0);

        _run.ServeOthers = _ => _run.Kill();
        Assert.StartsWith("-ERR Script killed", Eval(Endless).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void KillBetweenScriptsFindsNothingRunningAndLeavesTheNextScriptAlone()
    {
        Assert.Equal("-NOTBUSY No scripts in execution right now.", _run.Kill().ToString());
        Assert.Equal(":1", Eval("return 1").ToString());
    }

    [Fact]
    public void AbortStopsTheScriptAtItsNextCheck()
    {
        SetThreshold(0);
        _run.ServeOthers = _ => _run.Abort();

        Assert.StartsWith("-ERR Script killed", Eval(Endless).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnceTheServerStopsEveryScriptStopsAtItsFirstCheckBeforeTheThreshold()
    {
        // The host stopping, from its own thread, before or while a script runs: the clock never moves here.
        _run.Abort();

        Assert.StartsWith("-ERR Script killed", Eval(Endless).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("-ERR Script killed", Eval("for i = 1, 1000000 do end return 1").ToString(), StringComparison.Ordinal);
        Assert.Equal(":1", Eval("return 1").ToString());
        Assert.Equal(0, _served);
    }

    /// <summary><c>CONFIG SET busy-reply-threshold</c>.</summary>
    private void SetThreshold(long milliseconds) =>
        Assert.Null(_settings.TrySet([new("busy-reply-threshold", milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

    private Reply Eval(string script) => _engine.Eval(_caller, script);

    private static string Sha(string script) => EngineCalls.Sha(script);
}
