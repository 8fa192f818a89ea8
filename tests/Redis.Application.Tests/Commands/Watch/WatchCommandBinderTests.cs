using Redis.Application.Commands.Watch;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Watch;

public class WatchCommandBinderTests
{
    private readonly WatchCommandBinder _binder = new();

    [Fact]
    public void DeclaresRedisNameArityFlagsAndKeys()
    {
        Assert.Equal("watch", _binder.Spec.Name);
        Assert.Equal(-2, _binder.Spec.Arity);
        Assert.Equal(["noscript", "loading", "stale", "fast", "allow_busy"], _binder.Spec.Flags);
        Assert.Equal((1, -1, 1), (_binder.Spec.FirstKey, _binder.Spec.LastKey, _binder.Spec.Step));
        Assert.True(_binder.Spec.RunsInsideMulti);
    }

    [Fact]
    public void BindsEveryKey()
    {
        var command = _binder.Bind("WATCH a b a").AssertCommand<WatchCommand>();

        Assert.Equal(["a", "b", "a"], command.Keys.Select(k => System.Text.Encoding.UTF8.GetString(k.Span)));
    }
}
