using Redis.Application.Commands.Discard;
using Redis.Application.Commands.Exec;
using Redis.Application.Commands.Multi;
using Redis.Application.Commands.Unwatch;
using Redis.Application.Routing;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Exec;

/// <summary>The specs of the transaction commands that take no argument, and their binders, which carry only the session.</summary>
public class TransactionCommandBinderTests
{
    private static readonly string[] FastFlags = ["noscript", "loading", "stale", "fast", "allow_busy"];

    public static TheoryData<string, string[], bool> Specs => new()
    {
        { "multi", FastFlags, true },
        { "exec", ["noscript", "loading", "stale", "skip_slowlog"], true },
        { "discard", FastFlags, true },
        // Redis queues UNWATCH inside MULTI: only EXEC, DISCARD, MULTI, WATCH, QUIT and RESET run at once.
        { "unwatch", FastFlags, false },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void DeclaresRedisNameArityFlagsAndWhetherItRunsInsideMulti(string name, string[] flags, bool runsInsideMulti)
    {
        var spec = Binder(name).Spec;

        Assert.Equal(name, spec.Name);
        Assert.Equal(1, spec.Arity);
        Assert.Equal(flags, spec.Flags);
        Assert.Equal((0, 0, 0), (spec.FirstKey, spec.LastKey, spec.Step));
        Assert.Equal(runsInsideMulti, spec.RunsInsideMulti);
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void BindsTheSession(string name, string[] flags, bool runsInsideMulti)
    {
        _ = (flags, runsInsideMulti);
        var session = TestSessions.Open();

        var command = Binder(name).Bind(name.ToUpperInvariant(), session).Command;

        Assert.Same(session, command switch
        {
            MultiCommand multi => multi.Session,
            ExecCommand exec => exec.Session,
            DiscardCommand discard => discard.Session,
            UnwatchCommand unwatch => unwatch.Session,
            _ => null,
        });
    }

    private static ICommandBinder Binder(string name) => name switch
    {
        "multi" => new MultiCommandBinder(),
        "exec" => new ExecCommandBinder(),
        "discard" => new DiscardCommandBinder(),
        _ => new UnwatchCommandBinder(),
    };
}
