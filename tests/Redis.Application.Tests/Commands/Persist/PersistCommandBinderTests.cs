using Redis.Application.Commands.Persist;
using Redis.Application.Tests.TestSupport;

namespace Redis.Application.Tests.Commands.Persist;

public class PersistCommandBinderTests
{
    private readonly PersistCommandBinder _binder = new();

    [Fact]
    public void DeclaresRedisNameAndArity()
    {
        Assert.Equal("persist", _binder.Spec.Name);
        Assert.Equal(2, _binder.Spec.Arity);
        Assert.Equal((1, 1, 1), (_binder.Spec.FirstKey, _binder.Spec.LastKey, _binder.Spec.Step));
    }

    [Fact]
    public void BindsTheKey()
    {
        var command = _binder.Bind("PERSIST k").AssertCommand<PersistCommand>();

        Assert.Equal("k"u8.ToArray(), command.Key.ToArray());
    }
}
